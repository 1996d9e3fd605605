import Hummingbird

/// Adds the live-reload script to every whole HTML response, telling it which page it is on
/// so it reloads only when that page changed. The script exists only in responses: no file
/// of the site, on disk or in memory, contains it.
struct ReloadScriptMiddleware: RouterMiddleware {
    typealias Context = PreviewContext

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        let response = try await next(request, context)
        guard request.method == .get, response.isWholeHTML else { return response }
        let page: String = switch response.status {
        case .ok: PathGuardMiddleware.percentDecoded(request.uri.path).flatMap(context.snapshot.servedPath(forURLPath:)) ?? ""
        case .notFound: NotFoundPageMiddleware.page
        default: ""
        }
        return try await response.inserting(ReloadScript.tag(forPage: page))
    }
}
