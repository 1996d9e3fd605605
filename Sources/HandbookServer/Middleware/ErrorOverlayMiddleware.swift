import HandbookKit
import Hummingbird

/// While the last rebuild failed, shows its errors over every HTML page of the last good site.
///
/// The overlay changes a page without changing its file, so FileMiddleware's validators no
/// longer describe what is sent: conditional and range headers are dropped from the request
/// (the whole page comes back) and the response is marked `no-store` without validators, so
/// no browser keeps a copy with the overlay once the next good build removes it.
struct ErrorOverlayMiddleware: RouterMiddleware {
    typealias Context = PreviewContext

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        let errors = context.snapshot.errors
        guard !errors.isEmpty, request.method == .get else { return try await next(request, context) }
        var head = request.head
        head.headerFields[.ifNoneMatch] = nil
        head.headerFields[.ifModifiedSince] = nil
        head.headerFields[.ifRange] = nil
        head.headerFields[.range] = nil
        let response = try await next(Request(head: head, body: request.body), context)
        guard response.isWholeHTML else { return response }
        var changed = try await response.inserting(Self.overlay(errors))
        changed.headers[.eTag] = nil
        changed.headers[.lastModified] = nil
        changed.headers[.cacheControl] = "no-store"
        return changed
    }

    /// The overlay's markup: one line per error, `path:line:col`, message and rule id.
    /// Styled inline so it looks the same over any template.
    static func overlay(_ errors: [Diagnostic]) -> String {
        let items = errors.map { diagnostic in
            "<li><code>\(HTMLEscaping.escaped("\(diagnostic.file):\(diagnostic.line):\(diagnostic.column)"))</code> "
                + "\(diagnostic.severity.rawValue): \(HTMLEscaping.escaped(diagnostic.message)) <code>[\(HTMLEscaping.escaped(diagnostic.rule.rawValue))]</code></li>"
        }
        let count = errors.count == 1 ? "1 error" : "\(errors.count) errors"
        return """
        <div id="handbook-errors" role="alert" style="position:fixed;left:0;right:0;bottom:0;z-index:2147483647;\
        max-height:60vh;overflow:auto;margin:0;padding:1rem 1.25rem;background:#fff4f4;color:#5c0000;\
        border-top:4px solid #b00020;font:15px/1.5 system-ui,sans-serif;box-shadow:0 -4px 16px rgba(0,0,0,.2)">
        <p style="margin:0 0 .5rem;font-weight:bold">The last rebuild failed with \(count). \
        This is the last good version of the page; it reloads when the errors are fixed.</p>
        <ul style="margin:0;padding-left:1.25rem">\(items.joined(separator: "\n"))</ul>
        </div>

        """
    }
}
