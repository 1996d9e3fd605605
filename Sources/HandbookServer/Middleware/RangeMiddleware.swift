import Hummingbird

/// Puts a `Range` header into the one form FileMiddleware gets right (`bytes=first-last`, both
/// inside the file) or answers for it. Hummingbird 2.28's FileMiddleware reads a suffix range
/// (`bytes=-100`, the last 100 bytes) as the first 101 bytes, and serves a range that starts
/// past the end instead of answering 416 (measured here).
struct RangeMiddleware: RouterMiddleware {
    typealias Context = PreviewContext

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        guard request.method == .get || request.method == .head, let header = request.headers[.range],
              let path = PathGuardMiddleware.percentDecoded(request.uri.path),
              let served = context.snapshot.servedPath(forURLPath: path),
              let file = context.snapshot.file(at: served)
        else { return try await next(request, context) }
        var head = request.head
        switch ByteRange(header, size: file.bytes.count) {
        case .satisfiable(let range):
            head.headerFields[.range] = "bytes=\(range.lowerBound)-\(range.upperBound)"
        case .unsatisfiable:
            return Response(status: .rangeNotSatisfiable, headers: [.contentRange: "bytes */\(file.bytes.count)"])
        case .ignored:
            // RFC 9110 §14.2: a server may ignore a Range it does not support (several ranges)
            // or cannot read, and send the whole file.
            head.headerFields[.range] = nil
        }
        return try await next(Request(head: head, body: request.body), context)
    }
}

/// A `Range: bytes=…` header resolved against a file's size.
enum ByteRange: Equatable {
    /// Byte offsets inside the file, last included.
    case satisfiable(ClosedRange<Int>)
    /// No byte of the range is in the file: 416.
    case unsatisfiable
    /// Malformed, not bytes, or several ranges: serve the whole file.
    case ignored

    /// - Parameters:
    ///   - header: The header's value, such as `bytes=0-99`, `bytes=500-` or `bytes=-100`.
    ///   - size: The file's size in bytes.
    init(_ header: String, size: Int) {
        guard header.hasPrefix("bytes="), !header.contains(",") else { self = .ignored; return }
        let spec = header.dropFirst("bytes=".count).trimmingPrefix(" ")
        guard let dash = spec.firstIndex(of: "-") else { self = .ignored; return }
        let first = spec[..<dash], last = spec[spec.index(after: dash)...]
        guard first.allSatisfy(\.isASCIIDigit), last.allSatisfy(\.isASCIIDigit), !(first.isEmpty && last.isEmpty) else {
            self = .ignored
            return
        }
        if first.isEmpty {
            // A suffix: the last N bytes, or all of a shorter file.
            guard let count = Int(last) else { self = .ignored; return }
            self = count == 0 || size == 0 ? .unsatisfiable : .satisfiable(max(size - count, 0)...(size - 1))
            return
        }
        guard let start = Int(first), last.isEmpty || Int(last) != nil else { self = .ignored; return }
        let end = last.isEmpty ? Int.max : Int(last)!
        guard start <= end else { self = .ignored; return }
        self = start >= size ? .unsatisfiable : .satisfiable(start...min(end, size - 1))
    }
}

extension Character {
    fileprivate var isASCIIDigit: Bool { ("0"..."9").contains(self) }
}
