import Foundation
import HandbookKit
import HandbookCore
import Hummingbird
import HummingbirdTesting
import Testing
@testable import HandbookServer

/// A failed rebuild keeps the last good site and shows its errors over every page.
@Suite struct ErrorOverlayTests {
    /// An unknown key on line 3.
    static let brokenFrontMatter = "---\ntitle: The basics\nsumary: Misspelt.\n---\n\nBody.\n"

    @Test func failedBuildShowsEveryErrorOverTheLastGoodSiteUntilFixed() async throws {
        var served = try await ServedSite()
        defer { served.site.remove() }
        let good = try served.site.read("Content/understanding/basics.md")
        let etag = try await served.application.test(.router) { client in
            try #require(try await client.execute(uri: "/", method: .get).headers[.eTag])
        }

        try served.site.write("Content/understanding/basics.md", Self.brokenFrontMatter)
        let failed = try await served.rebuild()
        let errors = failed.report.diagnostics.filter { $0.severity == .error }
        #expect(!errors.isEmpty)
        try await served.application.test(.router) { client in
            for path in ["/", "/exercises/bridge.html", "/nope.html"] {
                let response = try await client.execute(uri: path, method: .get, headers: [.ifNoneMatch: etag])
                #expect(response.status != .notModified, "\(path): the overlay makes every page new")
                #expect(response.headers[.cacheControl] == "no-store")
                #expect(response.headers[.eTag] == nil)
                let body = String(buffer: response.body)
                #expect(body.contains("id=\"handbook-errors\""), "\(path)")
                for error in errors {
                    #expect(body.contains(HTMLEscaping.escaped("\(error.file):\(error.line):\(error.column)")))
                    #expect(body.contains("[\(error.rule.rawValue)]"))
                }
                #expect(body.contains("understanding/basics.md:3:1</code>"), "the broken line is shown")
            }
            // The last good site is still served underneath.
            let basics = try await client.execute(uri: "/understanding/basics.html", method: .get)
            #expect(String(buffer: basics.body).contains("Discs and bone spurs."))
        }

        try served.site.write("Content/understanding/basics.md", good)
        try await served.rebuild()
        try await served.application.test(.router) { client in
            let response = try await client.execute(uri: "/", method: .get)
            #expect(!String(buffer: response.body).contains("handbook-errors"))
            #expect(response.headers[.eTag] != nil)
        }
    }

    @Test func overlayEscapesWhatItShows() {
        let diagnostic = Diagnostic(file: "Content/a<b>.md", line: 2, column: 3, rule: .yamlSyntax, message: "bad \"<script>\" & more")
        let html = ErrorOverlayMiddleware.overlay([diagnostic])
        #expect(html.contains("Content/a&lt;b&gt;.md:2:3"))
        #expect(html.contains("bad &quot;&lt;script&gt;&quot; &amp; more"))
        #expect(!html.contains("<script>"))
    }
}
