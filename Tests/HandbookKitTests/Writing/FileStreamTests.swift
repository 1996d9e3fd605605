import Synchronization
import Testing
@testable import HandbookKit
@testable import HandbookCore
@testable import Templating

/// A page drained into a file can't stop the renderer when a write fails: the failure must
/// still reach the build, and the file still be closed.
@Suite struct FileStreamTests {
    @Test func theFirstFailedWriteIsThrownOnCloseAndLaterPiecesAreDropped() {
        let log = Log()
        let writer = FileWriter(write: { bytes in
            log.writes += 1
            if log.writes == 2 { throw FileSystemError(path: "print.html", reason: "disk full (injected)") }
        }, close: { log.closed = true })
        let stream = FileStream(writer)
        for piece in ["a", "b", "c"] { piece.utf8.withContiguousStorageIfAvailable { stream.write(UnsafeRawBufferPointer($0)) } }
        #expect(throws: FileSystemError(path: "print.html", reason: "disk full (injected)")) { try stream.close() }
        #expect(log.writes == 2)
        #expect(log.closed)
    }

    @Test func aFileSystemWithoutItsOwnWriterGathersThePiecesForWrite() throws {
        let written = Written()
        let disk = FileSystem.disk
        let fileSystem = FileSystem(read: disk.read, list: disk.list, kind: disk.kind, resolve: disk.resolve,
                                    write: { path, bytes in written.files.withLock { $0[path] = bytes } },
                                    createDirectory: disk.createDirectory, exchange: disk.exchange, rename: disk.rename, remove: disk.remove)
        let writer = try fileSystem.openForWriting("plan.html")
        for piece in ["<p>", "plan", "</p>"] { try piece.utf8.withContiguousStorageIfAvailable { try writer.write(UnsafeRawBufferPointer($0)) } }
        #expect(written.snapshot.isEmpty)
        try writer.close()
        #expect(written.snapshot == ["plan.html": Array("<p>plan</p>".utf8)])
    }

    /// What a writer's closures did; a writer is used by one task, so it needs no lock.
    private final class Log {
        var writes = 0
        var closed = false
    }

    /// The files a file system's `write` was given: that closure is `@Sendable`.
    private final class Written: Sendable {
        let files = Mutex<[String: [UInt8]]>([:])
        var snapshot: [String: [UInt8]] { files.withLock { $0 } }
    }
}
