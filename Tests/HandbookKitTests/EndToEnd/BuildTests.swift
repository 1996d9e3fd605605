import Foundation
import Testing
@testable import HandbookKit
@testable import HandbookCore
@testable import Loading

/// Whole builds of the `minimal` fixture with the project's real templates.
@Suite struct BuildTests {
    @Test func buildsEveryRequiredFile() async throws {
        let fixture = try Fixture("minimal")
        defer { fixture.remove() }
        let report = try await fixture.build().run()
        #expect(report.diagnostics.isEmpty, "\(report.diagnostics)")
        let files = Set(try Fixture.snapshot(of: fixture.output).keys)
        for required in ["index.html", "404.html", "robots.txt", "assets/style.css", "exercises/index.html",
                         "exercises/bridge.html", "exercises/bridge.svg", "exercises/pelvic-tilt.html",
                         "safety/index.html", "safety/when-to-stop.html", "understanding/index.html", "understanding/basics.html"] {
            #expect(files.contains(required), "missing \(required)")
        }
        #expect(!files.contains("sitemap.xml"), "no base_url, so no sitemap")
        #expect(report.pageCount == 8)
        #expect(report.exerciseCount == 2)
    }

    @Test func outputIsByteIdenticalAcrossBuilds() async throws {
        let fixture = try Fixture("minimal")
        defer { fixture.remove() }
        _ = try await fixture.build().run()
        let first = try Fixture.snapshot(of: fixture.output)
        _ = try await fixture.build().run()
        #expect(try Fixture.snapshot(of: fixture.output) == first)
    }

    @Test func everyRelativeLinkResolvesFromEveryPage() async throws {
        let fixture = try Fixture("minimal")
        defer { fixture.remove() }
        _ = try await fixture.build().run()
        let files = try Fixture.snapshot(of: fixture.output)
        var checked = 0
        for (path, data) in files where path.hasSuffix(".html") && path != "404.html" {
            let html = String(decoding: data, as: UTF8.self)
            for target in HTMLLinks.targets(in: html) where !target.contains("://") && !target.hasPrefix("#") {
                let (file, fragment) = HTMLLinks.split(target)
                let resolved = SitePath(normalizing: SitePath(path).folder + file)
                #expect(resolved != nil, "\(path): \(target) climbs out of the site")
                guard let resolved else { continue }
                #expect(files[resolved.value] != nil, "\(path): \(target) is broken")
                if let fragment, let page = files[resolved.value] {
                    #expect(String(decoding: page, as: UTF8.self).contains("id=\"\(fragment)\""), "\(path): \(target) has no anchor")
                }
                #expect(!target.hasPrefix("/"), "\(path): \(target) is not relative")
                checked += 1
            }
        }
        #expect(checked > 50)
    }

    @Test func pagesCarryTheRequiredParts() async throws {
        let fixture = try Fixture("minimal")
        defer { fixture.remove() }
        _ = try await fixture.build().run()
        let bridge = try fixture.read("Public/exercises/bridge.html")
        #expect(bridge.contains("<html lang=\"en\">"))
        #expect(bridge.components(separatedBy: "<h1").count == 2, "exactly one h1")
        #expect(bridge.contains("<title>Bridge | Test Handbook</title>"))
        #expect(bridge.contains("<meta name=\"description\" content=\"Lift your hips to strengthen your buttocks.\">"))
        #expect(bridge.contains("name=\"viewport\""))
        #expect(bridge.contains("aria-label=\"Breadcrumb\""))
        #expect(bridge.contains("It is not a diagnosis or treatment plan."))
        #expect(bridge.contains("href=\"../safety/emergency-signs.html\""), "red-flag box links the red-flags page")
        #expect(bridge.contains("href=\"../safety/when-to-stop.html\""), "stop box links the stop page")
        #expect(bridge.contains("<dt>Hold</dt><dd>5 seconds</dd>"))
        #expect(bridge.contains("<li>Pain spreads down your leg</li>"))
        #expect(bridge.contains("<li>You had spine surgery recently</li>"))
        // The stop boxes sit just above the steps: this exercise's stop list, then the red flags.
        let stop = try #require(bridge.range(of: "Stop this exercise if"))
        let help = try #require(bridge.range(of: "Stop exercising and get help if"))
        #expect(stop.lowerBound < help.lowerBound)
        let steps = try #require(bridge.range(of: "id=\"how-to-do-it\""))
        #expect(help.lowerBound < steps.lowerBound)
        #expect(bridge.contains("rel=\"prev\" href=\"pelvic-tilt.html\""), "pages sort by order")
        #expect(bridge.contains("Medically reviewed by Physical therapist Sam Lee on <time datetime=\"2026-11-01\">November 1, 2026</time>."))
        #expect(bridge.contains("Page last checked against its sources: <time datetime=\"2026-11-01\">November 1, 2026</time>"))
        #expect(bridge.contains("<strong>Call 911 now</strong> (or your local emergency number)"), "the emergency box shows the configured number")
    }

    @Test func exerciseIndexGroupsByTypeAndBodyArea() async throws {
        let fixture = try Fixture("minimal")
        defer { fixture.remove() }
        _ = try await fixture.build().run()
        let index = try fixture.read("Public/exercises/index.html")
        func group(_ id: String) throws -> String {
            let start = try #require(index.range(of: "<h3 id=\"\(id)\">"))
            let end = index[start.upperBound...].range(of: "</section>")!
            return String(index[start.upperBound..<end.lowerBound])
        }
        let strengthening = try group("type-strengthening")
        #expect(strengthening.contains("bridge.html") && strengthening.contains("pelvic-tilt.html"))
        #expect(try group("area-hips-and-legs").contains("bridge.html"))
        #expect(!(try group("area-hips-and-legs").contains("pelvic-tilt.html")))
        #expect(try group("area-trunk").contains("pelvic-tilt.html"))
        #expect(try group("area-other-areas").contains("pelvic-tilt.html"), "calves is not a brief area")
        #expect(index.contains("beginner"))
    }

    @Test func hostileContentIsInert() async throws {
        let fixture = try Fixture("minimal")
        defer { fixture.remove() }
        try fixture.write("Content/understanding/hostile.md", """
            ---
            title: "<script>alert('title')</script>"
            summary: "\\"><img src=x onerror=alert(1)>"
            reviewed: 2026-11-01
            sources: ["<b>x</b> - javascript:alert(1)", "Evil - https://example.org/\\"onmouseover=\\"alert(1)"]
            ---

            <script>alert('body')</script>

            <img src=x onerror=alert(2)> [click](javascript:alert(3))
            """)
        // The hostile source has no URL: an error the author would see. Lower it to publish anyway.
        try fixture.write("Content/handbook.yml", "title: Test Handbook\ndescription: D\nlanguage: en\nemergency: {number: \"911\", urgent: your doctor, note: or your local emergency number}\nrules: {sources: warning, reviewer: off}\n")
        let report = try await fixture.build().run()
        #expect(report.diagnostics.map(\.rule) == [.sources, .unsafeURL])
        let html = try fixture.read("Public/understanding/hostile.html")
        #expect(!html.contains("<script>alert"))
        #expect(!html.contains("<img"), "no image element at all: the only ones were hostile")
        #expect(!html.contains("href=\"javascript:"))
        #expect(!html.contains("/\"onmouseover"), "the quote in the URL must not end the href attribute")
        #expect(html.contains("&lt;script&gt;alert(&#39;title&#39;)&lt;/script&gt;") || html.contains("&lt;script&gt;"))
        let home = try fixture.read("Public/understanding/index.html")
        #expect(!home.contains("<script>alert"))
    }

    @Test func draftsBuildOnlyOnRequest() async throws {
        let fixture = try Fixture("minimal")
        defer { fixture.remove() }
        try fixture.write("Content/understanding/later.md", """
            ---
            title: Later
            summary: Not ready.
            reviewed: 2026-11-01
            sources: ["NHS - https://www.nhs.uk/"]
            draft: true
            ---
            """)
        _ = try await fixture.build().run()
        #expect(!FileManager.default.fileExists(atPath: fixture.output + "/understanding/later.html"))
        _ = try await fixture.build(drafts: true).run()
        #expect(FileManager.default.fileExists(atPath: fixture.output + "/understanding/later.html"))
    }

    @Test func baseURLAddsSitemapCanonicalAndAbsolute404() async throws {
        let fixture = try Fixture("minimal")
        defer { fixture.remove() }
        try fixture.write("Content/handbook.yml", "title: T\ndescription: D\nlanguage: en-GB\nemergency: {number: \"911\", urgent: your doctor, note: or your local emergency number}\nbase_url: https://example.org/handbook\n")
        _ = try await fixture.build().run()
        let sitemap = try fixture.read("Public/sitemap.xml")
        #expect(sitemap.contains("<loc>https://example.org/handbook/exercises/bridge.html</loc><lastmod>2026-11-01</lastmod>"))
        #expect(try fixture.read("Public/robots.txt").contains("Sitemap: https://example.org/handbook/sitemap.xml"))
        #expect(try fixture.read("Public/exercises/bridge.html").contains("<link rel=\"canonical\" href=\"https://example.org/handbook/exercises/bridge.html\">"))
        let notFound = try fixture.read("Public/404.html")
        #expect(notFound.contains("href=\"https://example.org/handbook/index.html\""))
        #expect(notFound.contains("<style>") && !notFound.contains("stylesheet"), "404 inlines its styles")
        #expect(try fixture.read("Public/index.html").contains("<html lang=\"en-GB\">"))
    }
}

/// Pulls `href` and `src` values out of generated HTML, for tests only.
enum HTMLLinks {
    static func targets(in html: String) -> [String] {
        var found: [String] = []
        for attribute in ["href=\"", "src=\""] {
            var rest = html[...]
            while let start = rest.range(of: attribute) {
                let after = rest[start.upperBound...]
                guard let end = after.firstIndex(of: "\"") else { break }
                found.append(String(after[..<end]))
                rest = after[end...]
            }
        }
        return found
    }

    static func split(_ target: String) -> (String, String?) {
        guard let hash = target.firstIndex(of: "#") else { return (target, nil) }
        return (String(target[..<hash]), String(target[target.index(after: hash)...]))
    }
}
