import Hummingbird

/// Serves the request's snapshot with Hummingbird's FileMiddleware, made per request over
/// that snapshot (a few stored properties: cheap), so a request never mixes two builds.
struct SiteFilesMiddleware: RouterMiddleware {
    typealias Context = PreviewContext

    /// Text types carry their charset: the site is UTF-8 throughout, and browsers guess otherwise.
    static let textTypes: [String: MediaType] = {
        let types = [
            "html": "text/html", "css": "text/css", "js": "text/javascript", "txt": "text/plain",
            "xml": "application/xml", "svg": "image/svg+xml", "json": "application/json", "md": "text/markdown",
        ]
        return types.compactMapValues { MediaType(from: "\($0); charset=utf-8") }
    }()

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        let files = FileMiddleware<Context, SnapshotFileProvider>(
            fileProvider: SnapshotFileProvider(snapshot: context.snapshot), searchForIndexHtml: true
        ).withAdditionalMediaTypes(forFileExtensions: Self.textTypes)
        return try await files.handle(request, context: context, next: next)
    }
}
