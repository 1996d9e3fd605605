import Testing
@testable import HandbookKit
@testable import HandbookCore
@testable import Loading

@Suite struct FrontMatterTests {
    func decode(_ yaml: String) -> (FrontMatter?, [String]) {
        let (value, diagnostics) = YAMLDocument(file: "page.md", yaml: yaml, firstLine: 2).decode(FrontMatter.self, schema: .page)
        return (value, diagnostics.map(\.description))
    }

    let valid = """
        title: Bridge
        summary: Lift your hips.
        reviewed: 2026-11-01
        sources: ["NHS - https://www.nhs.uk/"]
        """

    @Test func decodesEveryField() throws {
        let yaml = valid + """

            order: 3
            next_review: 2027-11-01
            draft: true
            covers: [EX-bridge]
            exercise:
              type: low-impact
              targets: [buttocks]
              level: intermediate
              equipment: none
              hold_seconds: 5
              reps: 10
              sets: 2
              frequency: daily
              stop_if: [pain]
              avoid_if: [surgery]
            """
        let (matter, problems) = decode(yaml)
        #expect(problems.isEmpty)
        let value = try #require(matter)
        #expect(value.order == 3)
        #expect(value.nextReview == Day("2027-11-01"))
        #expect(value.isDraft)
        #expect(value.exercise?.type == .lowImpact)
        #expect(value.exercise?.level == .intermediate)
        #expect(value.exercise?.holdSeconds == 5)
    }

    @Test func positionsAreFileLines() {
        // The YAML starts on file line 2, so its line 3 is file line 4.
        let (_, problems) = decode(valid.replacingOccurrences(of: "reviewed: 2026-11-01", with: "reviewed: 2026-02-30"))
        #expect(problems == ["page.md:4:11: error: `2026-02-30` is not a valid date; write it as YYYY-MM-DD [invalid-date]"])
    }

    @Test func unquotedColonInSourceGetsAHint() {
        let (_, problems) = decode(valid.replacingOccurrences(of: "sources: [\"NHS - https://www.nhs.uk/\"]",
                                                               with: "sources:\n  - NHS: Sciatica - https://www.nhs.uk/"))
        #expect(problems.count == 1)
        #expect(problems.first?.contains("put the value in quotes because it contains `: `") == true)
        #expect(problems.first?.hasPrefix("page.md:6:5: error: `sources[0]` must be text") == true)
    }

    @Test func duplicateKeysAreSyntaxErrors() {
        let (_, problems) = decode(valid + "\ntitle: Again")
        #expect(problems.count == 1)
        #expect(problems.first?.contains("duplicate key `title`") == true)
    }

    @Test func everyUnknownAndMissingKeyAtOnce() {
        let (_, problems) = decode("title: A\ntitel: B\nexercise:\n  typ: core\n")
        #expect(problems.contains("page.md:3:1: error: unknown key `titel`; did you mean `title`? [unknown-key]"))
        #expect(problems.contains("page.md:5:3: error: unknown key `typ`; did you mean `type`? [unknown-key]"))
        #expect(problems.contains { $0.contains("missing required field `level` in `exercise`") })
        #expect(problems.contains { $0.contains("missing required field `summary`") })
    }

    @Test(arguments: [("2026-11-01", true), ("2024-02-29", true), ("2023-02-29", false), ("2026-1-01", false), ("26-11-01", false), ("2026-11-01T00", false)])
    func days(_ text: String, _ valid: Bool) {
        #expect((Day(text) != nil) == valid)
    }

    @Test func suggestionsUseEditDistance() {
        #expect(closestMatch(to: "sumary", in: ["title", "summary"]) == "summary")
        #expect(closestMatch(to: "colour", in: ["title", "summary"]) == nil)
        #expect(editDistance("kitten", "sitting") == 3)
    }

    @Test(arguments: [("bridge", true), ("side-plank-2", true), ("Bridge", false), ("side_plank", false), ("", false), ("café", false)])
    func slugs(_ name: String, _ valid: Bool) {
        #expect(isValidSlug(name) == valid)
    }
}

