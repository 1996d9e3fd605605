import Foundation
import Testing
@testable import HandbookKit
@testable import HandbookCore
@testable import Prose
@testable import Search
@testable import Loading
@testable import Rendering
@testable import Linking

@Suite struct SearchIndexTests {
    func entry(title: String, summary: String, headings: [String] = [], prose: [String] = []) -> SearchIndex.Entry {
        let page = Page(source: "exercises/bridge.md", frontMatter: FrontMatter(title: title, summary: summary), body: "", bodyLine: 1)
        let rendered = RenderedPage(page: page, headings: headings.map { Heading(level: 2, text: $0, id: "x", line: 1) },
                                    links: [], images: [])
        var pageProse = PageProse()
        for text in prose { pageProse.append(line: 1) { $0 += text.utf8 } }
        var words = SearchWords.Builder(byteCount: pageProse.bytes.count)
        _ = ProseCounts(pageProse, words: &words)
        return SearchIndex.entry(rendered, bodyWords: words)
    }

    @Test func wordsFoldCaseAccentsAndApostrophes() {
        #expect(SearchTokens.words("Don’t STRETCH—café, 10 s; it's") == ["dont", "stretch", "cafe", "10", "s", "its"])
        #expect(SearchTokens.words("Étape NAÏVE Straße ½") == ["etape", "naive", "straße", "½"])
    }

    @Test func eachWordIsKeptOnceAndOnlyWhereNoHigherWordStartsWithIt() {
        let entry = entry(
            title: "Bridge", summary: "Lift your hips.",
            headings: ["How to do it", "Basic moves", "Bridge basics"],
            prose: ["The bridge stretches. Stretch, stretching and bridges help your hips.", "A x"])
        #expect(entry.href == "exercises/bridge.html")
        #expect(entry.headings == "basics moves", "stop words go; `basic` starts `basics`; `bridge` is in the title")
        #expect(entry.body == "bridges help stretches stretching")
    }

    @Test func oneCharacterWordsAreLeftOutOfTheBody() {
        // `ß` and `½` are one character in two bytes; `ßa` is two characters.
        let entry = entry(title: "Bridge", summary: "Lift.", prose: ["Ok ß é x ½ ab ñu ßa."])
        #expect(entry.body == "ab nu ok ßa")
    }

    @Test func jsonIsSafeInsideAScript() async throws {
        var index = SearchIndex(linked: try await linkedSite())
        index.entries = [.init(href: "a.html", title: "</script><b>&", summary: "\u{2028}", headings: "x", body: "y")]
        let json = index.json
        #expect(!json.contains("<") && !json.contains(">") && !json.contains("&") && !json.contains("\u{2028}"))
        let decoded = try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: [[String]]]
        #expect(decoded?["pages"] == [["a.html", "</script><b>&", "\u{2028}", "x", "y"]])
    }

    /// Strings are passed over eight bytes at a time; every character that needs an escape
    /// is escaped wherever it falls against those eight bytes.
    @Test func jsonEscapesCharactersAtEveryPosition() throws {
        let plain = "abcdefghijklmnopq"
        for special in ["\"", "\\", "<", ">", "&", "\n", "\u{1F}", "\u{2028}", "\u{2029}", "\u{2027}", "é"] {
            for position in 0...plain.count {
                let text = String(plain.prefix(position)) + special + String(plain.dropFirst(position))
                var bytes: [UInt8] = []
                ScriptJSON.appendString(text, to: &bytes)
                #expect(String(decoding: bytes, as: UTF8.self) == (try ReferenceJSON.encode([text])).dropFirst().dropLast(), "\(text)")
            }
        }
    }

    @Test func jsonIsWhatJSONEncoderWritesEscapedForAScript() async throws {
        var index = SearchIndex(linked: try await linkedSite())
        let controls = String(String.UnicodeScalarView((0..<0x20).compactMap(Unicode.Scalar.init)))
        let tricky = controls + "\"\\/ é \u{7F} \u{2028}\u{2029} 😀 </script> <!-- &amp;"
        index.entries = [.init(href: "a/b.html", title: tricky, summary: "", headings: "x y", body: tricky),
                         .init(href: "plan.html", title: "Plan", summary: "S")]
        let expected = try ReferenceJSON.encode(["pages": index.entries.map { [$0.href, $0.title, $0.summary, $0.headings, $0.body] }])
        #expect(index.json == expected)
    }

    @Test func wordSetsAreSortedByBytesWithoutStopWords() {
        let words = SearchWords(["Stretch SIT, stretching the stretch", "Ünder"], leavingOut: SearchIndex.stopWords)
        #expect(words.strings == ["sit", "stretch", "stretching", "under"])
        #expect(!words.nextStartsWith(0) && words.nextStartsWith(1) && !words.nextStartsWith(2) && !words.nextStartsWith(3))
    }

    @Test func manyWordsSortByBytes() {
        // Over 32 words to a first byte, many alike in their first 8 bytes, and more words
        // than the hash table first has room for.
        let words = (0..<100).map { "stretching\($0)" } + (0..<100).map { "s\($0)" } + ["ß", "z", "a", "stretching"]
        let set = SearchWords([words.reversed().joined(separator: " ") + " " + words.joined(separator: " ")])
        #expect(set.strings == Set(words).sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) })
    }

    /// ASCII words are split eight bytes at a time; the split must be ``SearchIndex/words(_:)``'s
    /// wherever a word or an apostrophe falls against those eight bytes.
    @Test(arguments: ["a", "Stretch", "STRETCHED", "abcdefg hij", "abcdefgh", "don't", "abcdefg's", "rock'n'roll",
                      "dogs' bowls", "10-second holds", "h2o H2O", "x,y.z", "'lead", "trail'", "  two  spaces\tand\ttabs  ",
                      "seven77 eight888 nine99999", "A_B (c) [d] {e} @f `g` ~h"])
    func asciiWordsSplitAsTheReferenceDoes(_ text: String) {
        let words = SearchTokens.words(text)
        #expect(SearchWords([text]).strings == Set(words).sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) })
    }

    /// A page's words reach the index through its readability count, short words packed and
    /// any other run as it is: they must be the words its text splits into, and the count the
    /// one made without an index. Each text is there twice, so its words repeat.
    @Test(arguments: ["a", "Stretch, STRETCHED and stretches.", "abcdefgh don't abcdefg's rock'n'roll dogs' bowls",
                      "10-second holds, h2o H2O x,y.z 'lead trail'", "  two  spaces\tand\ttabs  ", "A_B (c) [d] {e} @f `g` ~h",
                      "Café naïve Straße ½.", "Don’t stop; the radio area is quiet."])
    func proseWordsReachTheIndexThroughTheCount(_ text: String) {
        var prose = PageProse()
        prose.append(line: 1) { $0 += "\(text) \(text).".utf8 }
        var words = SearchWords.Builder(byteCount: prose.bytes.count)
        let counts = ProseCounts(prose, words: &words)
        #expect(counts == ProseCounts(prose))
        let split = prose.blocks.flatMap { SearchTokens.words(String(decoding: prose.bytes[$0.range], as: UTF8.self)) }
        #expect(SearchWords(words).strings == Set(split).sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) })
    }

    @Test func prefixLookUpFindsEqualAndLongerWords() {
        let words = SearchWords(["stretching sit"])
        let queries = SearchWords(["stretch stretching su s"])
        #expect(queries.strings == ["s", "stretch", "stretching", "su"])
        #expect(words.hasWords(startingWithEachOf: queries) == [true, true, true, false])
    }

    @Test func indexFileListsEveryPageInReadingOrder() async throws {
        let fixture = try Fixture("minimal")
        defer { fixture.remove() }
        let plan = try #require(try await fixture.build().plan().plan)
        let script = try #require(plan.text(at: "assets/search-index.js"))
        let json = try #require(script.split(separator: "window.handbookSearchIndex = ").last?.dropLast(2))
        let pages = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: [[String]]])["pages"]
        let hrefs = pages?.map { $0[0] } ?? []
        #expect(hrefs.first == "understanding/index.html")
        #expect(hrefs.contains("exercises/bridge.html") && hrefs.last == "plan.html")
        for href in hrefs { #expect(plan.files[SitePath(href)] != nil, "\(href) is not in the site") }
    }

    func linkedSite() async throws -> LinkedSite {
        let site = Site(config: SiteConfig(title: "T", description: "D", emergency: .test), sections: [])
        return await RenderedSite(site: site, pages: [:], diagnostics: []).linked().0
    }
}
