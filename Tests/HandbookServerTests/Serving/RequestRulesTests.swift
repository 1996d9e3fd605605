import Testing
@testable import HandbookServer

/// The pure rules behind the middleware: range arithmetic, path screening, reload events.
@Suite struct RequestRulesTests {
    @Test(arguments: [
        ("bytes=0-9", 100, ByteRange.satisfiable(0...9)),
        ("bytes=90-", 100, .satisfiable(90...99)),
        ("bytes=-10", 100, .satisfiable(90...99)),
        ("bytes=-500", 100, .satisfiable(0...99)),
        ("bytes=50-500", 100, .satisfiable(50...99)),
        ("bytes=100-", 100, .unsatisfiable),
        ("bytes=100-200", 100, .unsatisfiable),
        ("bytes=-0", 100, .unsatisfiable),
        ("bytes=0-", 0, .unsatisfiable),
        ("bytes=-5", 0, .unsatisfiable),
        ("bytes=9-3", 100, .ignored),
        ("bytes=0-1,4-5", 100, .ignored),
        ("bytes=-", 100, .ignored),
        ("bytes=a-b", 100, .ignored),
        ("items=0-1", 100, .ignored),
        ("bytes=99999999999999999999999-", 100, .ignored),
    ])
    func byteRanges(header: String, size: Int, expected: ByteRange) {
        #expect(ByteRange(header, size: size) == expected)
    }

    @Test(arguments: [
        ("/", true), ("/exercises/bridge.html", true), ("/a%20b.png", true), ("/exercises/", true),
        ("/..", false), ("/../x", false), ("/a/./b", false), ("/%2e%2e/x", false), ("/%2E%2e/x", false),
        ("/a%2fb", false), ("/a%2Fb", false), ("/a%5cb", false), ("/a\\b", false), ("/a%00b", false),
        ("/%252e%252e/x", false), ("/%25", false), ("/%", false), ("/%zz", false), ("/%c0%ae", false),
        ("relative", false), ("/a%0ab", false),
    ])
    func pathScreening(path: String, accepted: Bool) {
        #expect(PathGuardMiddleware.isAcceptable(path) == accepted)
    }

    @Test func eventsForChangedFiles() {
        let generation = 7
        #expect(ServerEvent.events(forChanged: [], copied: [], generation: generation).isEmpty)
        #expect(ServerEvent.events(forChanged: ["a/b.html", "index.html"], copied: [], generation: generation)
                == [.reload(pages: ["a/b.html", "index.html"])])
        #expect(ServerEvent.events(forChanged: ["assets/style.css"], copied: ["assets/style.css"], generation: generation)
                == [.css(generation: generation)])
        #expect(ServerEvent.events(forChanged: ["assets/style.css", "404.html"], copied: ["assets/style.css"], generation: generation)
                == [.css(generation: generation), .reload(pages: ["404.html"])])
        #expect(ServerEvent.events(forChanged: ["a/b.svg", "a/b.html"], copied: ["a/b.svg"], generation: generation)
                == [.reload(pages: nil)], "an image may be on any page")
        #expect(ServerEvent.events(forChanged: ["assets/search-index.js"], copied: [], generation: generation)
                == [.reload(pages: ["assets/search-index.js"])], "generated data no page shows")
        let many = Set((0...ServerEvent.pageListLimit).map { "p\($0).html" })
        #expect(ServerEvent.events(forChanged: many, copied: [], generation: generation) == [.reload(pages: nil)])
    }

    @Test func wireFormatIsServerSentEvents() {
        #expect(ServerEvent.reload(pages: ["a \"b\".html"]).wireFormat == "event: reload\ndata: {\"pages\":[\"a \\\"b\\\".html\"]}\n\n")
        #expect(ServerEvent.reload(pages: nil).wireFormat == "event: reload\ndata: {\"pages\":\"*\"}\n\n")
        #expect(ServerEvent.ping.wireFormat == ": ping\n\n")
        #expect(ReloadScript.jsonString("</script>\n") == "\"\\u003c/script>\\u000a\"")
    }
}
