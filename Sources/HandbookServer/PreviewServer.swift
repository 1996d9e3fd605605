import HandbookKit
import Hummingbird
import Logging
import ServiceLifecycle

/// `handbook serve`: serves the site from memory, rebuilds it as its files change, and tells
/// open pages to reload. It never writes the output folder; only `handbook build` does.
public struct PreviewServer: Sendable {
    /// How to serve and what to watch.
    public struct Configuration: Sendable {
        /// The address to bind; loopback by default, so the preview isn't on the network.
        public var host = "127.0.0.1"
        /// The port; 0 picks a free one.
        public var port = 8000
        /// The folder of Markdown pages and `handbook.yml`.
        public var contentFolder = "Content"
        /// The folder of templates, partials and assets.
        public var templatesFolder = "Templates"
        /// Whether pages marked `draft: true` are served.
        public var includeDrafts = false
        /// Inputs to the content rules, such as today's date, as for `handbook build`.
        public var checkContext = CheckContext()
        /// Scan for changes at this interval instead of using inotify.
        public var pollInterval: Duration?
        /// How long without file events closes a batch of changes.
        public var quietPeriod: Duration = .milliseconds(20)
        /// How often open event streams get a keep-alive comment.
        public var keepAliveInterval: Duration = .seconds(15)

        /// A configuration with the defaults.
        public init() {}
    }

    /// What the server tells its caller as it runs.
    public enum Event: Sendable {
        /// The server accepts connections at this address.
        case listening(url: String)
        /// A build finished.
        case built(RebuildSummary)
    }

    /// How it serves and what it watches.
    public let configuration: Configuration
    let state = SiteState()

    /// - Parameter configuration: How to serve and what to watch.
    public init(configuration: Configuration) {
        self.configuration = configuration
    }

    /// Starts watching, binds, builds, and serves until SIGINT or SIGTERM, which end it
    /// gracefully: open event streams close and the call returns.
    /// - Parameter onEvent: Called with the address once listening, then after every build.
    /// - Throws: ``PreviewServerError`` when the address can't be bound or the folders can't
    ///   be watched.
    public func run(onEvent: @escaping @Sendable (Event) -> Void) async throws {
        let app = try makeApplication(onEvent: onEvent)
        let group = ServiceGroup(configuration: .init(
            services: [app], gracefulShutdownSignals: [.sigterm, .sigint], logger: app.logger))
        do {
            try await group.run()
        } catch {
            throw PreviewServerError(error, host: configuration.host, port: configuration.port)
        }
    }

    /// The application: the router with its middleware, plus the watcher, rebuilder and
    /// keep-alive services. Watching starts here, before the first build reads a file.
    /// - Parameter onEvent: Called with the address once listening, then after every build.
    /// - Returns: An application to run, or to test with HummingbirdTesting.
    /// - Throws: ``PreviewServerError`` when the folders can't be found or watched.
    public func makeApplication(onEvent: @escaping @Sendable (Event) -> Void) throws -> some ApplicationProtocol {
        var build = Build(contentFolder: configuration.contentFolder, templatesFolder: configuration.templatesFolder,
                          includeDrafts: configuration.includeDrafts)
        build.checkContext = configuration.checkContext
        let roots: [String]
        do {
            roots = try [configuration.contentFolder, configuration.templatesFolder].map(build.fileSystem.resolve)
        } catch {
            throw PreviewServerError.folder("\(error)")
        }
        let watcher: any Watcher
        if let interval = configuration.pollInterval {
            watcher = PollingWatcher(roots: roots, interval: interval)
        } else {
            do { watcher = try InotifyWatcher(roots: roots) } catch { throw PreviewServerError.folder("\(error)") }
        }
        let debouncer = Debouncer(clock: ContinuousClock(), quiet: configuration.quietPeriod, limit: .milliseconds(500))
        let (listening, listened) = AsyncStream.makeStream(of: Void.self)
        var logger = Logger(label: "handbook-serve")
        logger.logLevel = .warning
        let host = configuration.host
        return Application(
            router: makeRouter(),
            configuration: .init(address: .hostname(host, port: configuration.port), serverName: "handbook"),
            services: [
                WatchService(watcher: watcher, debouncer: debouncer),
                Rebuilder(state: state, build: build, listening: listening, batches: debouncer.batches) { onEvent(.built($0)) },
                KeepAliveService(state: state, interval: configuration.keepAliveInterval),
            ],
            onServerRunning: { channel in
                let port = channel.localAddress?.port ?? 0
                onEvent(.listening(url: "http://\(host.contains(":") ? "[\(host)]" : host):\(port)/"))
                listened.yield()
            },
            logger: logger)
    }

    /// The router: the event stream, then the site, behind the middleware in the order a
    /// request meets it.
    func makeRouter() -> Router<PreviewContext> {
        let router = Router(context: PreviewContext.self)
        router.add(middleware: PathGuardMiddleware())
        router.add(middleware: SnapshotMiddleware(state: state))
        router.add(middleware: ErrorOverlayMiddleware())
        router.add(middleware: ReloadScriptMiddleware())
        router.add(middleware: NotFoundPageMiddleware())
        router.add(middleware: RangeMiddleware())
        router.add(middleware: SiteFilesMiddleware())
        EventStreamRoute.add(to: router, state: state)
        return router
    }
}

/// Feeds a watcher's changes into the debouncer until shutdown.
struct WatchService: Service {
    let watcher: any Watcher
    let debouncer: Debouncer<ContinuousClock>

    func run() async throws {
        try? await cancelWhenGracefulShutdown {
            try await watcher.run { await debouncer.add($0) }
        }
        await debouncer.finish()
    }
}

/// Sends a keep-alive comment on every open event stream at an interval, until shutdown.
struct KeepAliveService: Service {
    let state: SiteState
    let interval: Duration

    func run() async throws {
        try? await cancelWhenGracefulShutdown {
            while true {
                try await Task.sleep(for: interval)
                await state.ping()
            }
        }
    }
}
