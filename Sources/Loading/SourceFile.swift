import HandbookCore
#if canImport(Glibc)
import Glibc
#endif

/// A Markdown file split into its YAML front matter and its body, with the line numbers
/// needed to report positions inside the file rather than inside the YAML block.
package struct SourceFile: Sendable, Equatable {
    /// The YAML between the `---` lines.
    package var yaml: String
    /// The file line of the YAML's first line (2 when the file starts with `---`).
    package var yamlLine: Int
    /// The Markdown after the closing `---` line.
    package var body: String
    /// The file line of the body's first line.
    package var bodyLine: Int

    /// A problem that stops a file from being split, with its position.
    package struct Problem: Error, Equatable {
        package var line: Int
        package var column: Int
        package var rule: Rule
        package var message: String
    }

    /// Splits raw file bytes, rejecting empty, binary, non-UTF-8 and unterminated files.
    /// - Parameter bytes: The file's contents.
    /// - Returns: The split file, or the problem that prevents it.
    package static func split(_ bytes: [UInt8]) -> Result<SourceFile, Problem> {
        if bytes.allSatisfy({ $0 == 0x20 || $0 == 0x0A || $0 == 0x0D || $0 == 0x09 }) {
            return .failure(Problem(line: 1, column: 1, rule: .emptyFile, message: Message.emptyFile))
        }
        if let nul = find(0, in: bytes) {
            let (line, column) = position(ofByte: nul, in: bytes)
            return .failure(Problem(line: line, column: column, rule: .binaryFile, message: Message.binaryFile))
        }
        // ASCII, nearly every file, is valid UTF-8 without building a String to prove it.
        guard bytes.withUnsafeBufferPointer(ByteLanes.isASCII) || String(validating: bytes, as: UTF8.self) != nil else {
            let (line, column) = position(ofByte: firstInvalidUTF8(bytes), in: bytes)
            return .failure(Problem(line: line, column: column, rule: .encoding, message: Message.encoding()))
        }
        // A `\r` makes the Character split below turn `\r\n` into `\n` in yaml and body;
        // without one, that split is the identity on bytes, so slicing them gives the same strings.
        if find(0x0D, in: bytes) == nil { return split(lineFeedsOnly: bytes) }
        var text = String(decoding: bytes, as: UTF8.self)
        if text.hasPrefix("\u{FEFF}") { text.removeFirst() }
        return split(text)
    }

    /// Splits already-decoded text.
    package static func split(_ text: String) -> Result<SourceFile, Problem> {
        // "\r\n" is one Character in Swift, so split on both forms of line end.
        var lines = text.split(omittingEmptySubsequences: false) { $0 == "\n" || $0 == "\r\n" }[...]
        guard let first = lines.popFirst(), isFence(first) else {
            return .failure(Problem(line: 1, column: 1, rule: .frontMatter, message: Message.noFrontMatter))
        }
        guard let close = lines.firstIndex(where: isFence) else {
            return .failure(Problem(line: 1, column: 1, rule: .frontMatter, message: Message.unterminatedFrontMatter))
        }
        let yaml = lines[..<close].joined(separator: "\n")
        let body = lines[(close + 1)...].joined(separator: "\n")
        // `close` indexes the split lines from 0, so the closing fence is file line close + 1.
        return .success(SourceFile(yaml: yaml, yamlLine: 2, body: body, bodyLine: close + 2))
    }

    /// The String split below for a file with no `\r`, working on bytes: finds the fence lines
    /// by scanning for `\n` and makes yaml and body from the bytes between them, without
    /// decoding the whole file first (the body is most of it).
    /// - Parameter bytes: The file, known to be valid UTF-8; every cut is just after a `\n`
    ///   or at an end, so on a Character boundary.
    private static func split(lineFeedsOnly bytes: [UInt8]) -> Result<SourceFile, Problem> {
        // A BOM is one Character (a control never joins the next one), so it is exactly these bytes.
        let start = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
        let firstEnd = bytes[start...].firstIndex(of: 0x0A) ?? bytes.count
        guard isFence(bytes[start..<firstEnd]) else {
            return .failure(Problem(line: 1, column: 1, rule: .frontMatter, message: Message.noFrontMatter))
        }
        var lineStart = firstEnd + 1
        var lineIndex = 1
        while lineStart <= bytes.count {
            let lineEnd = bytes[lineStart...].firstIndex(of: 0x0A) ?? bytes.count
            if isFence(bytes[lineStart..<lineEnd]) {
                // The yaml ends before the `\n` that ends the line above the fence.
                let yaml = lineIndex == 1 ? "" : String(decoding: bytes[(firstEnd + 1)..<(lineStart - 1)], as: UTF8.self)
                let body = lineEnd < bytes.count ? String(decoding: bytes[(lineEnd + 1)...], as: UTF8.self) : ""
                return .success(SourceFile(yaml: yaml, yamlLine: 2, body: body, bodyLine: lineIndex + 2))
            }
            lineStart = lineEnd + 1
            lineIndex += 1
        }
        return .failure(Problem(line: 1, column: 1, rule: .frontMatter, message: Message.unterminatedFrontMatter))
    }

    /// The offset of the first `byte`, found with `memchr`, which reads many bytes at a time.
    private static func find(_ byte: UInt8, in bytes: [UInt8]) -> Int? {
        bytes.withUnsafeBytes { raw in
            guard let base = raw.baseAddress, let found = memchr(base, Int32(byte), raw.count) else { return nil }
            return base.distance(to: UnsafeRawPointer(found))
        }
    }

    /// `---` with optional trailing spaces and tabs: the Substring test below, for a line without `\r`.
    private static func isFence(_ line: ArraySlice<UInt8>) -> Bool {
        var end = line.endIndex
        while end > line.startIndex, line[end - 1] == 0x20 || line[end - 1] == 0x09 { end -= 1 }
        return line[line.startIndex..<end].elementsEqual("---".utf8)
    }

    private static func isFence(_ line: Substring) -> Bool {
        var line = line
        while line.last == " " || line.last == "\t" || line.last == "\r" { line.removeLast() }
        return line == "---"
    }

    /// The offset of the first byte that does not start a well-formed UTF-8 sequence.
    private static func firstInvalidUTF8(_ bytes: [UInt8]) -> Int {
        var offset = 0
        while offset < bytes.count {
            let scalarStart = offset
            var decoder = UTF8()
            var iterator = bytes[offset...].makeIterator()
            switch decoder.decode(&iterator) {
            case .scalarValue(let scalar):
                offset += UTF8.width(scalar)
            case .emptyInput:
                return bytes.count - 1
            case .error:
                return scalarStart
            }
        }
        return max(bytes.count - 1, 0)
    }

    private static func position(ofByte offset: Int, in bytes: [UInt8]) -> (line: Int, column: Int) {
        let before = bytes[..<offset]
        let line = before.reduce(1) { $0 + ($1 == 0x0A ? 1 : 0) }
        let lineStart = before.lastIndex(of: 0x0A).map { $0 + 1 } ?? 0
        let column = bytes[lineStart..<offset].reduce(1) { $0 + ($1 & 0xC0 == 0x80 ? 0 : 1) }
        return (line, column)
    }
}
