import Testing
@testable import HandbookKit

@Suite struct SourceFileTests {
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
