import Foundation
import HandbookKit
import Loading
import Hummingbird
import HummingbirdTesting
import Testing
@testable import HandbookServer

/// Static serving through the router: pages, folders, types, 404, validators and ranges.
@Suite struct ServingTests {
    @Test func servesHomeAndNestedPagesWithCharsetAndTheReloadScript() async throws {
        let served = try await ServedSite()
        defer { served.site.remove() }
        try await served.application.test(.router) { client in
            for path in ["/", "/index.html", "/exercises/bridge.html", "/exercises/", "/safety/when-to-stop.html"] {
                let response = try await client.execute(uri: path, method: .get)
                #expect(response.status == .ok, "\(path)")
                #expect(response.headers[.contentType] == "text/html; charset=utf-8", "\(path)")
                let body = String(buffer: response.body)
                #expect(body.contains("<script data-handbook-reload>"), "\(path)")
                #expect(body.contains("/_handbook/events"))
                #expect(Int(response.headers[.contentLength] ?? "") == response.body.readableBytes, "\(path)")
            }
            let bridge = try await client.execute(uri: "/exercises/bridge.html", method: .get)
            #expect(String(buffer: bridge.body).contains("const page = \"exercises/bridge.html\";"))
            let folder = try await client.execute(uri: "/exercises", method: .get)
            #expect(folder.status == .movedPermanently)
            #expect(folder.headers[.location] == "/exercises/")
        }
    }

    @Test(arguments: [
        ("/assets/style.css", "text/css; charset=utf-8"),
        ("/exercises/bridge.svg", "image/svg+xml; charset=utf-8"),
        ("/robots.txt", "text/plain; charset=utf-8"),
    ])
    func textTypesCarryTheirCharsetAndNoScript(path: String, type: String) async throws {
        let served = try await ServedSite()
        defer { served.site.remove() }
        try await served.application.test(.router) { client in
            let response = try await client.execute(uri: path, method: .get)
            #expect(response.status == .ok)
            #expect(response.headers[.contentType] == type)
            #expect(!String(buffer: response.body).contains("data-handbook-reload"))
        }
    }

    @Test func missingPagesGetTheSite404PageWithStatus404() async throws {
        let served = try await ServedSite()
        defer { served.site.remove() }
        let notFound = try served.site.read("Templates/404.mustache")
        #expect(notFound.contains("Page not found"))
        try await served.application.test(.router) { client in
            for path in ["/nope.html", "/exercises/nope.html", "/deep/er/still.png"] {
                let response = try await client.execute(uri: path, method: .get)
                #expect(response.status == .notFound, "\(path)")
                #expect(response.headers[.contentType] == "text/html; charset=utf-8")
                let body = String(buffer: response.body)
                #expect(body.contains("Page not found"))
                #expect(body.contains("const page = \"404.html\";"))
            }
        }
    }

    @Test func etagAnswers304UntilThePageChanges() async throws {
        var served = try await ServedSite()
        defer { served.site.remove() }
        let application = served.application
        let etag = try await application.test(.router) { client in
            let first = try await client.execute(uri: "/exercises/bridge.html", method: .get)
            let etag = try #require(first.headers[.eTag])
            let again = try await client.execute(uri: "/exercises/bridge.html", method: .get, headers: [.ifNoneMatch: etag])
            #expect(again.status == .notModified)
            #expect(again.body.readableBytes == 0)
            return etag
        }
        // A rebuild that doesn't change the page keeps its validator; one that does, doesn't.
        try served.site.edit("Content/understanding/basics.md", replacing: "Discs and bone spurs.", with: "Discs.")
        try await served.rebuild()
        try await served.application.test(.router) { client in
            let untouched = try await client.execute(uri: "/exercises/bridge.html", method: .get, headers: [.ifNoneMatch: etag])
            #expect(untouched.status == .notModified)
        }
        try served.site.edit("Content/exercises/bridge.md", replacing: "Lie on your back.", with: "Lie down.")
        try await served.rebuild()
        try await served.application.test(.router) { client in
            let changed = try await client.execute(uri: "/exercises/bridge.html", method: .get, headers: [.ifNoneMatch: etag])
            #expect(changed.status == .ok)
            #expect(String(buffer: changed.body).contains("Lie down."))
        }
    }

    @Test func rangesIncludingSuffixAndPastTheEnd() async throws {
        let served = try await ServedSite()
        defer { served.site.remove() }
        let css = Array(try served.site.read("Templates/assets/style.css").utf8)
        let size = css.count
        #expect(size > 200)
        try await served.application.test(.router) { client in
            let first = try await client.execute(uri: "/assets/style.css", method: .get, headers: [.range: "bytes=0-9"])
            #expect(first.status == .partialContent)
            #expect(first.headers[.contentRange] == "bytes 0-9/\(size)")
            #expect(Array(first.body.readableBytesView) == Array(css[0...9]))

            let suffix = try await client.execute(uri: "/assets/style.css", method: .get, headers: [.range: "bytes=-100"])
            #expect(suffix.status == .partialContent)
            #expect(suffix.headers[.contentRange] == "bytes \(size - 100)-\(size - 1)/\(size)")
            #expect(Array(suffix.body.readableBytesView) == Array(css[(size - 100)...]))

            let open = try await client.execute(uri: "/assets/style.css", method: .get, headers: [.range: "bytes=\(size - 5)-"])
            #expect(Array(open.body.readableBytesView) == Array(css[(size - 5)...]))

            let pastEnd = try await client.execute(uri: "/assets/style.css", method: .get, headers: [.range: "bytes=\(size)-\(size + 10)"])
            #expect(pastEnd.status == .rangeNotSatisfiable)
            #expect(pastEnd.headers[.contentRange] == "bytes */\(size)")

            let longEnd = try await client.execute(uri: "/assets/style.css", method: .get, headers: [.range: "bytes=10-999999"])
            #expect(longEnd.headers[.contentRange] == "bytes 10-\(size - 1)/\(size)")
            #expect(longEnd.body.readableBytes == size - 10)

            for ignored in ["bytes=5-2", "bytes=0-1,5-6", "lines=1-2", "bytes=x-y"] {
                let whole = try await client.execute(uri: "/assets/style.css", method: .get, headers: [.range: ignored])
                #expect(whole.status == .ok, "\(ignored)")
                #expect(whole.body.readableBytes == size, "\(ignored)")
            }
        }
    }

    @Test func noSiteYetAnswers503WithTheReloadScript() async throws {
        let served = try await ServedSite(publish: false)
        defer { served.site.remove() }
        try await served.application.test(.router) { client in
            let response = try await client.execute(uri: "/", method: .get)
            #expect(response.status == .serviceUnavailable)
            #expect(String(buffer: response.body).contains("data-handbook-reload"))
        }
    }

    @Test func servingNeverWritesPublicAndABuildHasNoReloadScript() async throws {
        let served = try await ServedSite()
        defer { served.site.remove() }
        try await served.application.test(.router) { client in
            _ = try await client.execute(uri: "/", method: .get)
        }
        let output = served.site.path("Public")
        #expect(!FileManager.default.fileExists(atPath: output))
        let report = try await Build(contentFolder: served.site.content, templatesFolder: served.site.templates, outputFolder: output).run()
        #expect(!report.diagnostics.hasErrors)
        let files = try FileManager.default.subpathsOfDirectory(atPath: output)
        #expect(files.contains("index.html"))
        for file in files where file.hasSuffix(".html") {
            let text = try String(contentsOfFile: output + "/" + file, encoding: .utf8)
            #expect(!text.contains("data-handbook-reload") && !text.contains("_handbook/events"), "\(file)")
        }
    }
}
