import Hummingbird

/// Takes the current site from ``SiteState`` once, at the start of each request.
struct SnapshotMiddleware: RouterMiddleware {
    typealias Context = PreviewContext
    let state: SiteState

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        var context = context
        context.snapshot = await state.snapshot
        return try await next(request, context)
    }
}
