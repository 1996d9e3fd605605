/// A file being written a piece at a time, from ``FileSystem/openForWriting``.
/// Used by one task from open to close, so it is not `Sendable`.
public struct FileWriter {
    /// Appends bytes to the file.
    public var write: (_ bytes: UnsafeRawBufferPointer) throws -> Void
    /// Finishes the file; call it once, also after a failed `write`, to release the file.
    public var close: () throws -> Void

    public init(write: @escaping (UnsafeRawBufferPointer) throws -> Void, close: @escaping () throws -> Void) {
        self.write = write
        self.close = close
    }

    /// A writer that holds every piece and hands the whole file to `finish` on close.
    public static func gathering(_ finish: @escaping ([UInt8]) throws -> Void) -> FileWriter {
        let gathered = Gathered()
        return FileWriter(write: { gathered.bytes += $0 }, close: { try finish(gathered.bytes) })
    }

    private final class Gathered {
        package var bytes: [UInt8] = []
    }
}
