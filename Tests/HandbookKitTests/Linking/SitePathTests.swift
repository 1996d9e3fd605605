import Testing
@testable import HandbookKit
@testable import HandbookCore

@Suite struct SitePathTests {
    @Test(arguments: [
        ("exercises/bridge.html", "safety/when-to-stop.html", "../safety/when-to-stop.html"),
        ("exercises/bridge.html", "exercises/plank.html", "plank.html"),
        ("index.html", "exercises/index.html", "exercises/index.html"),
        ("exercises/index.html", "index.html", "../index.html"),
        ("a/b/c.html", "a/d.html", "../d.html"),
        ("a/b/c.html", "assets/style.css", "../../assets/style.css"),
    ])
    func relativeLinks(_ from: String, _ to: String, _ expected: String) {
        #expect(SitePath(from).relative(to: SitePath(to)) == expected)
    }

    @Test func normalizes() {
        #expect(SitePath(normalizing: "exercises/../safety/./x.md")?.value == "safety/x.md")
        #expect(SitePath(normalizing: "../x.md") == nil)
    }

    /// Normalizing reads bytes in one pass; it must agree with taking the path apart at its
    /// slashes, on every path of up to four parts from awkward ones.
    @Test func normalizingAgreesWithPathComponents() {
        func reference(_ path: String) -> String? {
            var parts: [Substring] = []
            for part in path.split(separator: "/") where part != "." {
                if part != ".." {
                    parts.append(part)
                } else if parts.popLast() == nil {
                    return nil
                }
            }
            return parts.joined(separator: "/")
        }
        let parts = ["a", ".", "..", "", "é", "b.md", "..."]
        var paths = [""]
        for _ in 0..<4 { paths += paths.flatMap { path in parts.map { path.isEmpty ? $0 : path + "/" + $0 } } }
        for path in Set(paths + paths.map { "/" + $0 }) {
            #expect(SitePath(normalizing: path)?.value == reference(path), "\(path)")
            #expect(SitePath(normalizing: path, in: "x/é/") == SitePath(normalizing: "x/é/" + path), "\(path)")
        }
    }

    @Test(arguments: ["_index.md", "a/_index.md", "é/_index.md", "a/b/_index.md", "a_index.md", "a/x_index.md", "a/b.md",
                      "a/b.svg", ".md", "md", "a/b.md.txt", "\u{0600}/_index.md", "a/\u{0600}/_index.md"])
    func outputPathsFollowTheirRule(_ source: String) {
        let expected: String
        if !source.utf8.suffix(3).elementsEqual(".md".utf8) {
            expected = source
        } else {
            let base = Substring(source.utf8.dropLast(3))
            // A `/_index` that is a Character suffix: not one joined to the character before.
            expected = base == "_index" ? "index.html" : base.hasSuffix("/_index") ? base.dropLast(6) + "index.html" : base + ".html"
        }
        #expect(outputPath(forSource: source) == expected)
    }

    @Test func outputPaths() {
        #expect(outputPath(forSource: "exercises/_index.md") == "exercises/index.html")
        #expect(outputPath(forSource: "exercises/bridge.md") == "exercises/bridge.html")
        #expect(outputPath(forSource: "exercises/bridge.svg") == "exercises/bridge.svg")
    }
}
