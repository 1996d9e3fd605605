import Foundation
import HandbookKit
import HandbookCore
import Hummingbird
@testable import HandbookServer

/// A test site built once and published into a server's state, without watching: for
/// `app.test(.router)`, which sends requests straight to the router.
struct ServedSite {
    let site: TestSite
    let server: PreviewServer
    var build: IncrementalBuild

    /// - Parameter publish: Whether to build and publish the site (false leaves the server with no site yet).
    init(publish: Bool = true) async throws {
        site = try TestSite()
        server = PreviewServer(configuration: site.configuration)
        build = IncrementalBuild(Build(contentFolder: site.content, templatesFolder: site.templates))
        if publish { try await rebuild() }
    }

    /// Rebuilds from disk and publishes the result, as the server does after a file event.
    @discardableResult
    mutating func rebuild() async throws -> IncrementalBuild.Result {
        let result = try await build.rebuild()
        await server.state.publish(result, at: Date()) { try? FileSystem.disk.read($0) }
        if result.report.plan != nil, let pending = await build.fillPendingPages() {
            await server.state.publish(pending, at: Date()) { try? FileSystem.disk.read($0) }
        }
        return result
    }

    /// The application over the router, as `handbook serve` builds it, minus the watcher.
    var application: some ApplicationProtocol {
        Application(router: server.makeRouter())
    }
}
