import AsyncHTTPClient
import Foundation
import HandbookKit
import Testing
@testable import HandbookServer

/// The whole loop over a real connection: edit a file, get an event, get the new page.
@Suite(.timeLimit(.minutes(1))) struct LiveReloadTests {
    @Test func editingAPageSendsAReloadEventAndServesTheNewContent() async throws {
        let site = try TestSite()
        defer { site.remove() }
        try await LiveServer.with(site) { server in
            let events = try await server.openEvents()
            try site.edit("Content/understanding/basics.md", replacing: "Discs and bone spurs.", with: "Discs, spurs and swelling.")
            let event = try #require(try await events.nextChange())
            #expect(event.name == "reload")
            #expect(event.data.contains("\"understanding/basics.html\""))
            let page = try await server.get("/understanding/basics.html")
            #expect(page.status == 200)
            #expect(page.body.contains("Discs, spurs and swelling."))
        }
        #expect(!FileManager.default.fileExists(atPath: site.path("Public")), "serving never writes Public/")
    }

    @Test func brokenFrontMatterShowsTheOverlayAndFixingItClearsIt() async throws {
        let site = try TestSite()
        defer { site.remove() }
        let good = try site.read("Content/understanding/basics.md")
        try await LiveServer.with(site) { server in
            let events = try await server.openEvents()
            try site.write("Content/understanding/basics.md", ErrorOverlayTests.brokenFrontMatter)
            let failed = try #require(try await events.nextChange())
            #expect(failed.name == "reload" && failed.data.contains("\"*\""))
            for path in ["/", "/exercises/bridge.html"] {
                let page = try await server.get(path)
                #expect(page.body.contains("id=\"handbook-errors\""), "\(path)")
                #expect(page.body.contains("understanding/basics.md:3:1</code>"), "\(path) shows the file and line")
            }
            try site.write("Content/understanding/basics.md", good)
            let fixed = try #require(try await events.nextChange())
            #expect(fixed.name == "reload" && fixed.data.contains("\"*\""))
            #expect(!(try await server.get("/")).body.contains("handbook-errors"))
        }
    }

    @Test func savingThroughATemporaryFileRebuildsOnce() async throws {
        let site = try TestSite()
        defer { site.remove() }
        try await LiveServer.with(site) { server in
            let text = try site.read("Content/understanding/basics.md")
            try site.saveThroughRename("Content/understanding/basics.md", text.replacingOccurrences(of: "Discs", with: "Disks"))
            let rename = try await server.nextEditBuild()
            #expect(rename.changedPaths.contains("understanding/basics.html"))
            // A second rebuild from the same save would come before this edit's.
            try site.edit("Content/safety/when-to-stop.md", replacing: "title:", with: "title: Now")
            let next = try await server.nextEditBuild()
            #expect(next.changedPaths.contains("safety/when-to-stop.html"), "\(next.changedPaths)")
        }
    }

    @Test func addedRenamedAndDeletedPagesAppearAndDisappear() async throws {
        let site = try TestSite()
        defer { site.remove() }
        let page = try site.read("Content/understanding/basics.md").replacingOccurrences(of: "title: The basics", with: "title: Extra")
        try await LiveServer.with(site) { server in
            try site.write("Content/newsection/_index.md", "---\ntitle: New section\nsummary: Things that are new.\n---\n\nHello.\n")
            try site.write("Content/newsection/extra.md", page)
            _ = try await server.build(changing: "newsection/extra.html")
            #expect(try await server.get("/newsection/extra.html").status == 200)
            // The section's index lists its pages, so it follows with the listing pages.
            _ = try await server.listings(changing: "newsection/index.html")
            #expect(try await server.get("/newsection/").status == 200)

            try FileManager.default.moveItem(atPath: site.path("Content/newsection/extra.md"), toPath: site.path("Content/newsection/moved.md"))
            _ = try await server.build(changing: "newsection/moved.html")
            #expect(try await server.get("/newsection/extra.html").status == 404)
            #expect(try await server.get("/newsection/moved.html").status == 200)

            try FileManager.default.removeItem(atPath: site.path("Content/newsection/moved.md"))
            _ = try await server.build(changing: "newsection/moved.html")
            #expect(try await server.get("/newsection/moved.html").status == 404)
        }
    }

    @Test func stylesheetChangeSwapsStylesInsteadOfReloading() async throws {
        let site = try TestSite()
        defer { site.remove() }
        try await LiveServer.with(site) { server in
            let events = try await server.openEvents()
            try site.write("Templates/assets/style.css", try site.read("Templates/assets/style.css") + "\nbody { color: black; }\n")
            let css = try #require(try await events.nextChange())
            #expect(css.name == "css")
            // The 404 page inlines the stylesheet, so only it reloads.
            let reload = try #require(try await events.nextChange())
            #expect(reload == ReceivedEvent(name: "reload", data: "{\"pages\":[\"404.html\"]}"))
            #expect(try await server.get("/assets/style.css").body.contains("color: black"))
        }
    }

    @Test func pollingFindsChangesToo() async throws {
        let site = try TestSite()
        defer { site.remove() }
        try await LiveServer.with(site, configure: { $0.pollInterval = .milliseconds(50) }) { server in
            let events = try await server.openEvents()
            try site.edit("Content/exercises/bridge.md", replacing: "Lift your hips.", with: "Lift your hips slowly.")
            let event = try #require(try await events.nextChange())
            #expect(event.data.contains("\"exercises/bridge.html\""))
            #expect(try await server.get("/exercises/bridge.html").body.contains("Lift your hips slowly."))
        }
    }

    @Test func gracefulShutdownEndsOpenEventStreams() async throws {
        let site = try TestSite()
        defer { site.remove() }
        try await LiveServer.with(site) { server in
            let events = try await server.openEvents()
            await server.group.triggerGracefulShutdown()
            // The stream ends (or its connection closes) instead of holding the shutdown open.
            while let event = try? await events.next() {
                #expect(event.name != "reload")
            }
        }
    }
}
