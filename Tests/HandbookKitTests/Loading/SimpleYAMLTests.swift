import Foundation
import Testing
@testable import HandbookKit
@testable import Loading

/// The ``SimpleYAML`` fast path must either decline or give exactly what Yams gives: the same
/// value, no diagnostics and the same key lines.
@Suite struct SimpleYAMLTests {
    enum Outcome: Equatable { case declined, agrees, disagrees }

    func outcome(_ yaml: String, schema: FrontMatterSchema = .page) -> Outcome {
        let document = YAMLDocument(file: "page.md", yaml: yaml, firstLine: 2)
        guard let (value, lines) = document.decodeSimple(FrontMatter.self, schema: schema) else { return .declined }
        let (expected, diagnostics, expectedLines) = document.decodeWithKeyLines(FrontMatter.self, schema: schema)
        return expected == value && diagnostics.isEmpty && expectedLines == lines ? .agrees : .disagrees
    }

    static let required = "title: T\nsummary: S\nreviewed: 2026-11-01\nsources: [a]\n"

    static let exercisePage = """
        title: "Seated Abdominal Brace"
        summary: "Think of the balance as a steady schedule: it repeats."
        order: 38
        reviewed: 2023-09-21
        next_review: 2028-11-20
        sources:
          - "Core Stability Basics - https://example.org/core-stability-basics"
          - 'Low Back Pain: it''s common - https://example.org/low-back'
        covers: [EX-bridge, EX-bridge-bent-knee]
        exercise:
          type: core
          targets: [lower back, glutes]
          level: beginner
          equipment: A mat or carpet
          hold_seconds: 5
          reps: 8
          sets: 1
          frequency: most days
          stop_if: [Pain spreads further down your leg, "Numbness, tingling or weakness gets worse"]
          avoid_if:
            - "You cannot get up from the floor safely"
            - You are in a severe flare
        """

    @Test(arguments: [
        exercisePage,
        required,
        required + "draft: true\norder: 0\n",
        required + "draft: false\ncovers: []\n",
        "title: yes\nsummary: 123\nreviewed: '2026-11-01'\nsources: [\"a, b\", 'c', d e]\n",
        "title: C# and a#b\nsummary: https://x.org/a:b?c=d\nreviewed: 2026-11-01\nsources: [ a ,  b  ]\n",
        "# comment\n\ntitle:   Trailing spaces   \n  # indented comment\nsummary: \"  kept  \"\nreviewed: 2026-11-01\nsources:\n- indentless\n- items\n",
        "title: Ünïcode 🦴 — it’s fine\nsummary: x\nreviewed: 2026-11-01\nsources:\n\n    - deep\n\n    - items\n",
        "sources: [a]\nreviewed: 2026-11-01\nsummary: S\ntitle: Any order\n",
        required + "exercise:\n    type: low-impact\n    targets: [a]\n    level: intermediate\n    stop_if:\n    - x\n    avoid_if:\n      - y\n",
        "title: 2023-09-21\nsummary: 1.5\nreviewed: 2026-11-01\nsources: [true, 0x1F, 'null']\n",
    ])
    func acceptsTheShapesFrontMatterUses(_ yaml: String) {
        #expect(outcome(yaml) == .agrees)
    }

    @Test func emptyOrCommentOnlyTextIsDeclined() {
        #expect(outcome("") == .declined)
        #expect(outcome("# nothing\n\n") == .declined)
    }

    @Test func sectionIndexNeedsOnlyATitle() {
        #expect(outcome("title: Exercises\norder: 2\n", schema: .sectionIndex) == .agrees)
        #expect(outcome("title: Exercises\norder: 2\n", schema: .page) == .declined)
    }

    @Test(arguments: [
        // Escapes, comments after values, tabs, `\r`, block scalars, anchors, tags.
        "title: \"a\\\"b\"\n", "title: \"a\\tb\"\n", "title: Foo # comment\n", "title: \"Foo\" # comment\n",
        "title:\tFoo\n", "title: Foo\r\n", "title: Fo\to\n", "title: |\n  text\n", "title: >\n  text\n",
        "title: &a Foo\n", "title: *a\n", "title: !!str Foo\n", "title: %x\n", "title: @x\n", "title: `x`\n",
        // Nulls, empty values, numbers and booleans YAML reads its own way.
        "summary: ~\n", "summary: null\n", "summary:\n", "order: 08\n", "order: 1_000\n", "order: \"3\"\n",
        "order: +3\n", "order: -3\n", "order: 1:30\n", "order: 3.0\n", "draft: yes\n", "draft: True\n", "draft: 'true'\n",
        "sources: [a, ~]\n", "sources:\n  - null\n", "sources:\n  -\n",
        // Colons and structure inside values.
        "title: a: b\n", "title: ends:\n", "sources:\n  - NHS: Sciatica\n", "sources: [a: b]\n", "sources: [a, , b]\n",
        "sources: [a,]\n", "sources: {a: b}\n", "sources: [a, [b]]\n", "sources: [a\n", "sources: [\"a\" b]\n", "sources: [a] x\n",
        "sources: [a #b]\n", "sources: [- a]\n", "title: [a, b]\n", "sources: a\n", "sources:\n  - - a\n", "sources:\n  - [a]\n",
        // Keys and indentation.
        "title: A\ntitle: B\n", "titel: A\n", "\"title\": A\n", "title : A\n", "? title\n: A\n", "title:A\n", "ti-tle: A\n", "-title: A\n",
        "title: Multi\n  line\n", "title: A\n summary: B\n", "sources:\n  - a\n   - b\n", "sources:\n  - a\n  b\n",
        "sources:\n  - a\n    continued\n", "exercise:\n  type: core\n   level: beginner\n", "exercise:\n    type: core\n  level: beginner\n",
        "exercise:\n  nested:\n    deeper: x\n", "exercise: core\n", "exercise:\n  - core\n", "- a\n", "...\n", "%YAML 1.1\n",
        // Values the types reject.
        "reviewed: 2026-02-30\n", "reviewed: 2026-1-01\n",
        "exercise:\n  type: yoga\n  targets: [a]\n  level: beginner\n  stop_if: [x]\n  avoid_if: [y]\n",
        "exercise:\n  type: core\n  targets: [a]\n  level: expert\n  stop_if: [x]\n  avoid_if: [y]\n",
        "exercise:\n  type: core\n  targets: [a]\n  level: beginner\n  stop_if: [x]\n",
        "exercise:\n  type: core\n  targets: [a]\n  level: beginner\n  stop_if: [x]\n  avoid_if: [y]\n  typ: z\n",
        // Characters YAML treats as line breaks, BOMs and controls.
        "title: a\u{85}b\n", "title: a\u{2028}b\n", "title: a\u{FEFF}b\n", "title: a\u{7F}b\n", "title: a\u{1}b\n",
    ])
    func declinesWhatItDoesNotFullyUnderstand(_ change: String) {
        // The other required keys keep a missing key from being the only reason to decline.
        let others = Self.required.split(separator: "\n").filter { !change.hasPrefix($0.prefix { $0 != ":" } + ":") }
        let yaml = others.joined(separator: "\n") + "\n" + change
        #expect(outcome(yaml) == .declined, "\(yaml.debugDescription)")
        // Declining hands the text to Yams unchanged.
        let document = YAMLDocument(file: "page.md", yaml: yaml, firstLine: 2)
        let viaFrontMatter = document.decodeFrontMatter(schema: .page)
        let viaYams = document.decodeWithKeyLines(FrontMatter.self, schema: .page)
        #expect(viaFrontMatter.0 == viaYams.0 && viaFrontMatter.1 == viaYams.1 && viaFrontMatter.2 == viaYams.2)
    }

    /// Small edits to valid front matter at every position, each either declined or agreeing.
    @Test(arguments: [exercisePage, "title: \"T\"\nsummary: 'S'\nreviewed: 2026-11-01\nsources:\n  - a\ncovers: [b, \"c\"]\ndraft: true\n"])
    func everyEditDeclinesOrAgrees(_ base: String) {
        let bytes = Array(base.utf8)
        let inserts: [[UInt8]] = [":", " ", "#", "\"", "'", "-", "\n", "[", "]", ",", "\t", "~", " #", ": ", "\n  ", "\\", "0"].map { Array($0.utf8) }
        var counts: [Outcome: Int] = [:]
        for offset in 0...bytes.count {
            var variants = inserts.map { bytes[..<offset] + $0 + bytes[offset...] }
            if offset < bytes.count { variants.append(bytes[..<offset] + bytes[(offset + 1)...]) }
            for variant in variants {
                let yaml = String(decoding: variant, as: UTF8.self)
                let result = outcome(yaml)
                counts[result, default: 0] += 1
                #expect(result != .disagrees, "\(yaml.debugDescription)")
            }
        }
        // Both paths must have been exercised for the comparison to mean anything.
        #expect(counts[.agrees, default: 0] > 100)
        #expect(counts[.declined, default: 0] > 100)
    }

    /// The project's own pages: the fast path must agree wherever it answers. (Declining is
    /// allowed: an author's YAML comment costs speed, never correctness.)
    @Test func projectContentAgrees() throws {
        let content = Fixture.packageRoot.appendingPathComponent("Content")
        var total = 0
        for section in try FileManager.default.contentsOfDirectory(atPath: content.path) {
            let folder = content.appendingPathComponent(section)
            for name in (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? [] where name.hasSuffix(".md") {
                let bytes = try Array(Data(contentsOf: folder.appendingPathComponent(name)))
                let yaml = try SourceFile.split(bytes).get().yaml
                #expect(outcome(yaml, schema: name == "_index.md" ? .sectionIndex : .page) != .disagrees, "\(section)/\(name)")
                total += 1
            }
        }
        #expect(total > 0)
    }

    func configOutcome(_ yaml: String) -> Outcome {
        let document = YAMLDocument(file: "handbook.yml", yaml: yaml, firstLine: 1)
        guard let (value, _) = document.decodeSimple(SiteConfig.self, schema: .config) else { return .declined }
        let (expected, diagnostics) = document.decode(SiteConfig.self, schema: .config)
        return expected == value && diagnostics.isEmpty ? .agrees : .disagrees
    }

    static let config = "title: Handbook\ndescription: Plain help.\nlanguage: en\nemergency:\n  number: \"911\"\n  urgent: your doctor\n  note: or your local emergency number\n"

    @Test(arguments: [
        config,
        config + "base_url: https://example.org\ncondition: Pinched nerve (radiculopathy)\nmax_grade: 8\n",
        config + "base_url: http://example.org/handbook/\nmax_grade: 7.5\n",
        config + "max_grade: 0\n",
        config + "rules:\n  readability: error\n  exercise-safety: off\n  duplicate-title: warning\n",
        config + "# The quality bar.\nmax_grade: 10.25\nrules:\n  readability: error\n",
    ])
    func configAgrees(_ yaml: String) {
        #expect(configOutcome(yaml) == .agrees, "\(yaml.debugDescription)")
    }

    @Test(arguments: [
        // Values Yams reads its own way, or reports.
        "max_grade: 08\n", "max_grade: 8.\n", "max_grade: .5\n", "max_grade: 1e1\n", "max_grade: +8\n", "max_grade: 1_0\n",
        "max_grade: .inf\n", "max_grade: \"8\"\n", "max_grade: eight\n", "max_grade: 1.2.3\n",
        "base_url: example.org\n", "base_url: ftp://example.org\n",
        "rules:\n  readability: loud\n", "rules:\n  readabilty: error\n", "rules:\n  readability: error\n  readability: off\n",
        "rules:\n  readability: [error]\n", "rules: error\n", "rules:\n  -readability: error\n", "colour: blue\n", "title: Again\n",
    ])
    func configDeclinesWhatYamsDecides(_ change: String) {
        let yaml = Self.config + change
        #expect(configOutcome(yaml) == .declined, "\(yaml.debugDescription)")
        let document = YAMLDocument(file: "handbook.yml", yaml: yaml, firstLine: 1)
        let viaConfig = document.decodeConfig()
        let viaYams = document.decode(SiteConfig.self, schema: .config)
        #expect(viaConfig.0 == viaYams.0 && viaConfig.1 == viaYams.1)
    }

    /// The project's own `handbook.yml` takes the fast path.
    @Test func projectConfigAgrees() throws {
        let file = Fixture.packageRoot.appendingPathComponent("Content/handbook.yml")
        #expect(configOutcome(try String(contentsOf: file, encoding: .utf8)) == .agrees)
    }
}
