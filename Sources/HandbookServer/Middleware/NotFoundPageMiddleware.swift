import Hummingbird

/// Answers a path the site doesn't have with the site's own `404.html` and status 404, and
/// any request before the first good build with a short page saying so (status 503), over
/// which ``ErrorOverlayMiddleware`` shows what to fix.
struct NotFoundPageMiddleware: RouterMiddleware {
    typealias Context = PreviewContext

    /// The site path of the not-found page.
    static let page = "404.html"

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        do {
            let response = try await next(request, context)
            guard response.status == .notFound else { return response }
            return try notFound(context.snapshot)
        } catch let error as HTTPError where error.status == .notFound {
            return try notFound(context.snapshot)
        }
    }

    private func notFound(_ snapshot: SiteSnapshot) throws -> Response {
        let headers: HTTPFields = [.contentType: "text/html; charset=utf-8", .cacheControl: "no-cache"]
        guard snapshot.hasSite else {
            let html = "<!doctype html>\n<html lang=\"en\">\n<meta charset=\"utf-8\">\n<title>No site yet</title>\n"
                + "<body>\n<p>The handbook has not built yet. Fix the errors below; this page reloads by itself.</p>\n</body>\n</html>\n"
            return Response(status: .serviceUnavailable, headers: headers, body: ResponseBody(byteBuffer: ByteBuffer(string: html)))
        }
        guard let file = snapshot.file(at: Self.page) else { throw HTTPError(.notFound) }
        return Response(status: .notFound, headers: headers, body: ResponseBody(byteBuffer: ByteBuffer(bytes: file.bytes)))
    }
}
