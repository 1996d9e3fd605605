import Foundation
import Hummingbird

/// Hummingbird's ``FileProvider`` over one ``SiteSnapshot``: FileMiddleware does the HTTP work
/// (ETag and 304, ranges, MIME types, `index.html`, redirects), and this answers from memory.
///
/// Only paths of the built site exist here, so nothing outside it can be named: `..` is
/// refused by FileMiddleware and by ``PathGuardMiddleware`` before, and a symlink out of
/// `Content/` is a build error, never a served file.
struct SnapshotFileProvider: FileProvider {
    /// What FileMiddleware needs to know of a file or folder.
    struct FileAttributes: FileMiddlewareFileAttributes {
        var isFolder: Bool
        var size: Int
        var modificationDate: Date
    }

    let snapshot: SiteSnapshot

    /// The site path for a decoded URL path: no leading or trailing slash.
    func getFileIdentifier(_ path: String) -> String? {
        var path = path[...]
        while path.first == "/" { path = path.dropFirst() }
        while path.last == "/" { path = path.dropLast() }
        return String(path)
    }

    func getAttributes(id: String) async throws -> FileAttributes? {
        if let file = snapshot.file(at: id) {
            return FileAttributes(isFolder: false, size: file.bytes.count, modificationDate: file.modified)
        }
        guard snapshot.isFolder(id) else { return nil }
        return FileAttributes(isFolder: true, size: 0, modificationDate: Date(timeIntervalSince1970: 0))
    }

    func loadFile(id: String, context: some RequestContext) async throws -> ResponseBody {
        guard let file = snapshot.file(at: id) else { throw HTTPError(.notFound) }
        return ResponseBody(byteBuffer: ByteBuffer(bytes: file.bytes))
    }

    func loadFile(id: String, range: ClosedRange<Int>, context: some RequestContext) async throws -> ResponseBody {
        guard let file = snapshot.file(at: id) else { throw HTTPError(.notFound) }
        let bounds = range.clamped(to: 0...max(file.bytes.count - 1, 0))
        guard !file.bytes.isEmpty else { return ResponseBody() }
        return ResponseBody(byteBuffer: ByteBuffer(bytes: file.bytes[bounds]))
    }
}
