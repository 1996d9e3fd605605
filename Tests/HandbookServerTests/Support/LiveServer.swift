import AsyncHTTPClient
import Foundation
import HandbookKit
import Logging
import ServiceLifecycle
import Testing
@testable import HandbookServer

/// `handbook serve` running in the test process: the real application (watcher, debouncer,
/// rebuilder, server) on a free loopback port, under a ServiceGroup the test shuts down.
final class LiveServer {
    let port: Int
    let group: ServiceGroup
    private var events: AsyncStream<PreviewServer.Event>.AsyncIterator

    private init(port: Int, group: ServiceGroup, events: AsyncStream<PreviewServer.Event>.AsyncIterator) {
        self.port = port
        self.group = group
        self.events = events
    }

    /// Starts a server over `site`, waits for it to listen and build, runs `body`, then shuts it down.
    static func with(
        _ site: TestSite, configure: (inout PreviewServer.Configuration) -> Void = { _ in },
        _ body: (LiveServer) async throws -> Void
    ) async throws {
        var configuration = site.configuration
        configure(&configuration)
        let (stream, continuation) = AsyncStream.makeStream(of: PreviewServer.Event.self)
        let app = try PreviewServer(configuration: configuration).makeApplication { continuation.yield($0) }
        let group = ServiceGroup(configuration: .init(services: [app], logger: Logger(label: "test")))
        try await withThrowingTaskGroup(of: Void.self) { tasks in
            tasks.addTask { try await group.run() }
            var events = stream.makeAsyncIterator()
            guard case .listening(let url)? = await events.next(), let port = Int(url.split(separator: ":").last?.dropLast() ?? "") else {
                Issue.record("the server did not listen")
                return
            }
            #expect(url == "http://127.0.0.1:\(port)/")
            let server = LiveServer(port: port, group: group, events: events)
            let first = try await server.nextBuild()
            #expect(first.kind == .first && first.succeeded, "\(first.diagnostics)")
            do {
                try await body(server)
            } catch {
                await group.triggerGracefulShutdown()
                throw error
            }
            await group.triggerGracefulShutdown()
            try await tasks.waitForAll()
        }
    }

    /// The next build the server reports.
    func nextBuild() async throws -> RebuildSummary {
        while let event = await events.next() {
            if case .built(let summary) = event { return summary }
        }
        throw ServerStopped()
    }

    /// The next build after an edit (skipping the listing pages that follow each edit).
    func nextEditBuild() async throws -> RebuildSummary {
        while true {
            let summary = try await nextBuild()
            if summary.kind != .listings { return summary }
        }
    }

    /// Waits for the build whose changed files include `path`.
    func build(changing path: String) async throws -> RebuildSummary {
        while true {
            let summary = try await nextEditBuild()
            if summary.changedPaths.contains(path) { return summary }
        }
    }

    /// Waits for the listing pages, published after an edit's pages, when they include `path`.
    func listings(changing path: String) async throws -> RebuildSummary {
        while true {
            let summary = try await nextBuild()
            if summary.kind == .listings && summary.changedPaths.contains(path) { return summary }
        }
    }

    struct ServerStopped: Error {}

    /// Opens the live-reload stream and reads its `hello`.
    func openEvents() async throws -> EventStreamClient {
        let stream = try await EventStreamClient(port: port, client: .shared)
        let hello = try await stream.next()
        #expect(hello?.name == "hello")
        return stream
    }

    func get(_ path: String) async throws -> (status: UInt, body: String) {
        try await HTTPClient.shared.get(path, port: port)
    }
}
