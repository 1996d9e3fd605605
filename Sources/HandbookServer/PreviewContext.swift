import Hummingbird

/// The request context of the preview server: Hummingbird's core storage, plus the site
/// snapshot ``SnapshotMiddleware`` takes once per request, so every later middleware and the
/// file server see the same site even if a rebuild publishes a new one meanwhile.
struct PreviewContext: RequestContext {
    var coreContext: CoreRequestContextStorage
    /// The site this request is served from; set before any other middleware runs.
    var snapshot = SiteSnapshot()

    init(source: ApplicationRequestContextSource) {
        coreContext = .init(source: source)
    }
}
