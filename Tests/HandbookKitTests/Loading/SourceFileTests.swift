import Testing
@testable import HandbookKit
@testable import HandbookCore
@testable import Loading
@testable import Rendering

@Suite struct SourceFileTests {
    /// Slugs are read as bytes from ASCII paths; they must be the file names' characters
    /// before `.md`, as for any other path.
    @Test(arguments: ["exercises/bridge.md", "_index.md", "a/_index.md", "a/b/c-1.md", "x.md", "a/.md",
                      "é/café.md", "a/e\u{301}.md", "a/\u{301}b.md"])
    func slugIsTheFileNameWithoutItsExtension(_ source: String) {
        #expect(Page.slug(ofSource: source) == String(source.split(separator: "/").last!.dropLast(3)))
    }

    @Test func splitsFrontMatterAndBodyWithFileLines() throws {
        let file = try SourceFile.split(Array("---\ntitle: A\nsummary: B\n---\n\n## Heading\n".utf8)).get()
        #expect(file.yaml == "title: A\nsummary: B")
        #expect(file.yamlLine == 2)
        #expect(file.bodyLine == 5)
        #expect(file.body == "\n## Heading\n")
    }

    @Test func acceptsByteOrderMarkAndWindowsLineEnds() throws {
        let file = try SourceFile.split(Array("\u{FEFF}---\r\ntitle: A\r\n---\r\nBody".utf8)).get()
        #expect(file.yaml.hasPrefix("title: A"))
        #expect(file.bodyLine == 4)
    }

    @Test(arguments: [
        ("", Rule.emptyFile, 1, 1),
        ("  \n\n", .emptyFile, 1, 1),
        ("---\ntitle: x\n", .frontMatter, 1, 1),
        ("title: x\n", .frontMatter, 1, 1),
        ("---\ntitle: x\n---\nab\u{0}", .binaryFile, 4, 3),
    ])
    func rejects(_ text: String, _ rule: Rule, _ line: Int, _ column: Int) {
        guard case .failure(let problem) = SourceFile.split(Array(text.utf8)) else {
            Issue.record("expected \(rule) for \(text.debugDescription)")
            return
        }
        #expect(problem.rule == rule)
        #expect(problem.line == line)
        #expect(problem.column == column)
    }

    /// Files without `\r` take a byte path; it must agree with the Character split on every shape of fence.
    @Test(arguments: [
        "---\n---\n", "---\n---", "---", "---\n", "--- \t\ntitle: A\n---\t \nBody\n", "\u{FEFF}---\nx: 1\n---\n",
        "---\nx: 1\n--- x\n---\nbody\n\n", "----\n---\n", "---\n\n---\n\nbody", " ---\nx\n---\n", "---\n---\n---\n",
        "---\u{301}\nx\n---\n", "---\nx: é\n---\n\u{301}body", "\u{FEFF}\u{301}---\n", "---\nx: 1\n-- -\n", "\n---\nx\n---\n",
        "---\ntitle: Ünïcode 🦴\nsummary: x\n---\n# Heading\n\nText 🦴\n", "---\nx: 1\n\u{FEFF}---\n", "---\nx\n---\n\n\n",
    ])
    func bytePathMatchesCharacterSplit(_ text: String) {
        var expected = text
        if expected.hasPrefix("\u{FEFF}") { expected.removeFirst() }
        #expect(SourceFile.split(Array(text.utf8)) == SourceFile.split(expected))
    }

    @Test func pointsAtTheFirstInvalidUTF8Byte() {
        let bytes = Array("---\ntitle: é".utf8) + [0xFF, 0x41]
        guard case .failure(let problem) = SourceFile.split(bytes) else {
            Issue.record("expected an encoding problem")
            return
        }
        #expect(problem.rule == .encoding)
        #expect(problem.line == 2)
        #expect(problem.column == 9)
    }
}
