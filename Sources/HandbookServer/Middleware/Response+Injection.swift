import Hummingbird

extension Response {
    /// Whether the response is a whole HTML document (not a range of one, not a 304).
    var isWholeHTML: Bool {
        (status == .ok || status == .notFound || status == .serviceUnavailable)
            && headers[.contentType]?.hasPrefix("text/html") == true
    }

    /// The response with `html` inserted before the document's last `</body>` (at its end when
    /// there is none), and `Content-Length` to match. Served pages are in memory, so collecting
    /// the body costs a copy of one page.
    /// - Parameter html: The markup to insert.
    /// - Returns: The changed response.
    /// - Throws: When the original body fails to write.
    func inserting(_ html: String) async throws -> Response {
        let collector = BodyCollector()
        try await body.write(collector)
        var bytes = collector.bytes
        let insertion = Array(html.utf8)
        bytes.insert(contentsOf: insertion, at: Self.bodyClose(in: bytes) ?? bytes.endIndex)
        var headers = headers
        headers[.contentLength] = String(bytes.count)
        return Response(status: status, headers: headers, body: ResponseBody(byteBuffer: ByteBuffer(bytes: bytes)))
    }

    /// The offset of the last `</body` (any case).
    private static func bodyClose(in bytes: [UInt8]) -> Int? {
        let tag = Array("</body".utf8)
        guard bytes.count >= tag.count else { return nil }
        var index = bytes.count - tag.count
        while index >= 0 {
            if bytes[index] == UInt8(ascii: "<"),
               zip(bytes[index...], tag).allSatisfy({ $0 | 0x20 == $1 | 0x20 }) {
                return index
            }
            index -= 1
        }
        return nil
    }
}

/// A body writer that keeps what it is given, to edit a response before it is sent.
/// A class because `finish` consumes the writer: the bytes must outlive it. Used by one task.
private final class BodyCollector: ResponseBodyWriter {
    var bytes: [UInt8] = []

    func write(_ buffer: ByteBuffer) async throws {
        bytes.append(contentsOf: buffer.readableBytesView)
    }

    func finish(_ trailingHeaders: HTTPFields?) async throws {}
}
