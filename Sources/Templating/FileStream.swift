import HandbookCore

/// A file a template is drained into. The renderer can't stop for a failed write, so the
/// first failure is kept, later pieces are dropped, and ``close()`` throws it.
package final class FileStream {
    private let writer: FileWriter
    private var failure: (any Error)?

    package init(_ writer: FileWriter) {
        self.writer = writer
    }

    package func write(_ bytes: UnsafeRawBufferPointer) {
        guard failure == nil else { return }
        do { try writer.write(bytes) } catch { failure = error }
    }

    /// Closes the file, and throws the first failure of all its writes.
    package func close() throws {
        let closed = Result { try writer.close() }
        if let failure { throw failure }
        try closed.get()
    }
}
