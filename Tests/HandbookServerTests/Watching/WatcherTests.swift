import Foundation
import HandbookKit
import Testing
@testable import HandbookServer

/// Both watcher back ends see writes, renames, deletions and new folders.
@Suite(.timeLimit(.minutes(1))) struct WatcherTests {
    @Test func statScannerReportsWhatChangedBetweenScans() throws {
        let site = try TestSite()
        defer { site.remove() }
        var scanner = StatScanner(roots: [site.content])
        #expect(!scanner.scan().isEmpty, "the first scan sees every file")
        #expect(scanner.scan().isEmpty)
        try site.write("Content/understanding/basics.md", try site.read("Content/understanding/basics.md") + "\nMore.\n")
        #expect(scanner.scan().paths.contains(site.path("Content/understanding/basics.md")))
        try site.write("Content/newsection/page.md", "x")
        let added = scanner.scan().paths
        #expect(added.contains(site.path("Content/newsection/page.md")))
        try site.write("Content/newsection/.page.md.swp", "x")
        #expect(!scanner.scan().paths.contains(site.path("Content/newsection/.page.md.swp")), "editor files are ignored")
        try FileManager.default.removeItem(atPath: site.path("Content/newsection/page.md"))
        #expect(scanner.scan().paths.contains(site.path("Content/newsection/page.md")))
    }

    @Test func inotifySeesWritesRenamesAndNewFolders() async throws {
        let site = try TestSite()
        defer { site.remove() }
        let watcher = try InotifyWatcher(roots: [site.content])
        let (stream, continuation) = AsyncStream.makeStream(of: FileChanges.self)
        let task = Task { try await watcher.run { continuation.yield($0) } }
        defer { task.cancel() }
        var changes = stream.makeAsyncIterator()

        func waitFor(_ relative: String) async {
            let path = site.path(relative)
            while let next = await changes.next() {
                #expect(!next.paths.contains { FileChanges.isIgnored(name: $0.split(separator: "/").last ?? "") })
                if next.paths.contains(path) { return }
            }
            Issue.record("no event for \(relative)")
        }

        try site.write("Content/understanding/basics.md", "changed")
        await waitFor("Content/understanding/basics.md")
        try site.saveThroughRename("Content/safety/when-to-stop.md", "renamed over")
        await waitFor("Content/safety/when-to-stop.md")
        try site.write("Content/newsection/deeper/page.md", "new")
        await waitFor("Content/newsection/deeper/page.md")
        try site.write("Content/newsection/deeper/page.md", "again")
        await waitFor("Content/newsection/deeper/page.md")
        try FileManager.default.removeItem(atPath: site.path("Content/exercises/bridge.svg"))
        await waitFor("Content/exercises/bridge.svg")
    }
}
