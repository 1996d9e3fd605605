import Foundation
import Testing
@testable import HandbookKit
@testable import HandbookCore
@testable import Prose
@testable import Rendering
@testable import Checking

/// Each `Fixtures/check/<rule>/` overlays the `minimal` site with a page that breaks one
/// content rule at a known line; `expected-diagnostics.txt` holds the exact output.
/// `Fixtures/check-ok/` holds borderline pages that must pass every rule.
/// "Today" is fixed, so `review-due` is repeatable.
@Suite struct CheckRuleTests {
    static let today = Day(year: 2026, month: 11, day: 25)!
    static let cases: [String] = {
        let folder = Fixture.root.appendingPathComponent("check")
        return ((try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []).sorted()
    }()

    func diagnostics(of name: String) async throws -> (Fixture, [Diagnostic]) {
        let fixture = try Fixture(name, base: "minimal")
        var build = fixture.build()
        build.checkContext = CheckContext(today: Self.today)
        let checked = try await build.check().diagnostics
        let planned = try await build.plan().diagnostics
        #expect(checked == planned, "`handbook check` reports what a build would")
        return (fixture, checked)
    }

    @Test(arguments: cases)
    func ruleFiresAtItsLine(_ name: String) async throws {
        let (fixture, diagnostics) = try await diagnostics(of: "check/\(name)")
        defer { fixture.remove() }
        let actual = fixture.lines(diagnostics).joined(separator: "\n") + "\n"
        let expectedFile = Fixture.root.appendingPathComponent("check/\(name)/expected-diagnostics.txt")
        if ProcessInfo.processInfo.environment["HANDBOOK_UPDATE_FIXTURES"] != nil {
            try actual.write(to: expectedFile, atomically: true, encoding: .utf8)
        }
        #expect(actual == (try String(contentsOf: expectedFile, encoding: .utf8)))
        if let rule = Rule(rawValue: name) {
            #expect(diagnostics.contains { $0.rule == rule }, "the fixture must trigger `\(name)`")
        }
    }

    @Test func borderlineContentPassesEveryRule() async throws {
        let (fixture, diagnostics) = try await diagnostics(of: "check-ok")
        defer { fixture.remove() }
        #expect(diagnostics.isEmpty, "\(fixture.lines(diagnostics))")
    }

    @Test func everyContentRuleHasAFixture() {
        for rule in allCheckRules.map(\.id.rawValue) {
            #expect(Self.cases.contains(rule), "no Fixtures/check/\(rule)")
        }
    }

    @Test func theHandbookPassesItsOwnRules() async throws {
        var build = Build(contentFolder: Fixture.packageRoot.appendingPathComponent("Content").path,
                          templatesFolder: Fixture.packageRoot.appendingPathComponent("Templates").path)
        // The day of the handbook's latest review: no page may be reviewed in the future.
        build.checkContext = CheckContext(today: Day(year: 2026, month: 12, day: 8)!)
        let report = try await build.plan()
        #expect(!report.diagnostics.hasErrors, "\(report.diagnostics.map(\.description))")
    }
}

@Suite struct ReadabilityTests {
    struct Reference: Decodable {
        var name: String
        var text: String
        var words: Int
        var sentences: Int
        var syllables: Int
        var grade: Double
    }

    static let references: [Reference] = {
        let file = Fixture.root.appendingPathComponent("readability/reference.json")
        return (try? JSONDecoder().decode([Reference].self, from: Data(contentsOf: file))) ?? []
    }()

    @Test func referencesLoad() {
        #expect(Self.references.count >= 12)
    }

    /// textstat's grades were computed once by scripts/readability-reference.py and committed.
    @Test(arguments: references.map(\.name))
    func gradeIsWithinHalfAGradeOfTextstat(_ name: String) throws {
        let reference = try #require(Self.references.first { $0.name == name })
        let counted = Readability(reference.text)
        #expect(counted.words == reference.words)
        #expect(counted.sentences == reference.sentences)
        #expect(abs(counted.grade - reference.grade) <= 0.5, "\(name): \(counted.grade) vs textstat \(reference.grade) (syllables \(counted.syllables) vs \(reference.syllables))")
    }

    @Test(arguments: [("cat", 1), ("table", 2), ("make", 1), ("moved", 1), ("wanted", 2), ("uses", 2), ("physical", 3), ("the", 1), ("10", 1),
                      ("yes", 1), ("rhythm", 2), ("churches", 2), ("wishes", 2), ("pages", 2), ("tables", 2), ("radio", 3), ("nation", 2),
                      ("quality", 3), ("walking", 2), ("idea", 3)])
    func syllables(_ word: String, _ count: Int) {
        #expect(Readability.syllables(in: word) == count)
    }

    @Test func wordsAndSentencesFollowTextstat() {
        // don't · bounce · it's · a · wellknown · mistake · ok; the dash is no word.
        #expect(Readability("Don't bounce — it's a well-known mistake, ok?").words == 7)
        #expect(Readability("It’s fine. Don't — ’tis").words == 4, "curly apostrophes count as ASCII ones")
        #expect(Readability.sentenceLengths(in: "Stop. Rest now! Is it OK? Yes") == [1, 2, 3, 1])
        #expect(Readability.sentenceLengths(in: "Café au lait… Naïve. Ça va?") == [4, 2], "letters beyond ASCII make words")
        #expect(Readability("Stop. Rest now! Is it OK?").sentences == 1, "runs of 2 words or fewer don't count")
        #expect(Readability.sentenceLengths(in: "See e.g. this (well-known) rule... Then stop") == [2, 1, 3, 2], "a sentence ends inside a word")
    }

    /// Short words are counted eight bytes at a time; each word must count as it does alone,
    /// through the byte-by-byte path, whatever mark follows it and wherever the text ends.
    @Test(arguments: ["cat", "Table", "YES", "yes", "radio", "quality", "idea", "nation", "churches", "wishes", "ankles",
                      "settles", "time", "doctor", "areas", "physical", "minutes", "abcdefg", "rhythms", "yttria"])
    func shortWordsCountAsAlone(_ word: String) {
        let alone = Readability.syllables(in: word.lowercased())
        for text in [word, word + ".", word + ",", "\(word)) ok", "Go \(word)! Now", "x \(word)?", "\(word)\t", "\(word)'"] {
            #expect(Readability(text).syllables - Readability(text.replacingOccurrences(of: word, with: "")).syllables == alone, "\(text)")
        }
        #expect(Readability("One two \(word). Three four five.").sentences == 2)
    }

    @Test func proseIsCountedAsOneTextOfItsBlocks() throws {
        let long = Array(repeating: "word", count: 26).joined(separator: " ")
        var prose = PageProse()
        for (index, text) in ["Keep your back straight.", "Lift | Hold it", " | ", "  \(long)  "].enumerated() {
            prose.append(line: index + 1) { $0 += text.utf8 }
        }
        let texts = prose.blocks.map { String(decoding: prose.bytes[$0.range], as: UTF8.self) }
        #expect(texts == ["Keep your back straight.", "Lift. Hold it.", long + "."], "a block without words is dropped")
        #expect(prose.blocks.map(\.line) == [1, 2, 4])
        let counts = ProseCounts(prose)
        let joined = try #require(counts.readability)
        #expect(joined == Readability(texts.joined(separator: " ")))
        #expect(counts.firstLine == 1 && counts.longSentences.map(\.line) == [4] && counts.longSentences.map(\.words) == [26])
    }
}
