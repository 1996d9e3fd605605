import Testing
@testable import HandbookKit

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

    @Test func outputPaths() {
        #expect(outputPath(forSource: "exercises/_index.md") == "exercises/index.html")
        #expect(outputPath(forSource: "exercises/bridge.md") == "exercises/bridge.html")
        #expect(outputPath(forSource: "exercises/bridge.svg") == "exercises/bridge.svg")
    }
}
