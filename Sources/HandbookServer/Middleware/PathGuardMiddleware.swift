import Hummingbird

/// Refuses, with 400, any request path that tries to leave the site or hide what it names:
/// `..` segments (plain, percent-encoded or double-encoded), encoded slashes, backslashes,
/// NUL and other control characters. The served site is in memory and FileMiddleware refuses
/// `..` as well; this keeps the rule in one place, in front of everything.
struct PathGuardMiddleware: RouterMiddleware {
    typealias Context = PreviewContext

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        guard Self.isAcceptable(request.uri.path) else {
            throw HTTPError(.badRequest, message: "This path is not allowed.")
        }
        return try await next(request, context)
    }

    /// Whether a raw (still percent-encoded) URL path is safe to look up.
    static func isAcceptable(_ rawPath: String) -> Bool {
        guard rawPath.hasPrefix("/"), let decoded = percentDecoded(rawPath) else { return false }
        // A `%` left after decoding was encoded twice (`%252e`): nothing in the site needs that.
        for path in [rawPath, decoded] {
            if path.utf8.contains(where: { $0 < 0x20 || $0 == 0x7F || $0 == UInt8(ascii: "\\") }) { return false }
            if path.split(separator: "/", omittingEmptySubsequences: false).contains(where: { $0 == ".." || $0 == "." }) {
                return false
            }
        }
        let lowered = rawPath.lowercased()
        return !decoded.contains("%") && !lowered.contains("%2f") && !lowered.contains("%5c")
    }

    /// Decodes `%XX` escapes; nil for a malformed escape or bytes that are not UTF-8.
    static func percentDecoded(_ text: String) -> String? {
        var bytes: [UInt8] = []
        var iterator = text.utf8.makeIterator()
        while let byte = iterator.next() {
            guard byte == UInt8(ascii: "%") else {
                bytes.append(byte)
                continue
            }
            guard let high = iterator.next().flatMap(hexValue), let low = iterator.next().flatMap(hexValue) else { return nil }
            bytes.append(high << 4 | low)
        }
        return String(validating: bytes, as: UTF8.self)
    }

    private static func hexValue(_ byte: UInt8) -> UInt8? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): byte - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): byte - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): byte - UInt8(ascii: "A") + 10
        default: nil
        }
    }
}
