
/// Reads the block structure of ``SimpleYAML``: which lines are keys, nested mappings and
/// sequence items. Every method returns nil as soon as a line is not exactly what the subset
/// allows at that point, since a misplaced line may be a continuation YAML would join.
package struct SimpleYAMLReader {
    /// A line that is neither blank nor a comment.
    package struct Line {
        /// 1-based, counting every line of the text.
        package var number: Int
        /// Leading spaces.
        package var indent: Int
        /// The bytes after the indent, with at least one that is not a space.
        package var text: ArraySlice<UInt8>
    }

    private let lines: [Line]
    private var index = 0

    package init(lines: [Line]) {
        self.lines = lines
    }

    package var isAtEnd: Bool { index == lines.count }

    /// Splits text at `\n`, dropping blank lines and whole-line comments, which YAML ignores
    /// between the entries and items of block collections.
    package static func contentLines(_ bytes: [UInt8]) -> [Line] {
        var lines: [Line] = []
        var start = 0
        var number = 1
        while start <= bytes.count {
            let end = bytes[start...].firstIndex(of: UInt8(ascii: "\n")) ?? bytes.count
            let line = bytes[start..<end]
            if let first = line.firstIndex(where: { $0 != UInt8(ascii: " ") }), line[first] != UInt8(ascii: "#") {
                lines.append(Line(number: number, indent: first - start, text: line[first...]))
            }
            start = end + 1
            number += 1
        }
        return lines
    }

    /// Reads `key: value` lines at exactly `indent` until a line is indented less.
    /// - Parameter indent: The mapping's indent; 0 for the top level, which alone may nest a mapping.
    package mutating func mapping(indent: Int) -> [SimpleYAML.Entry]? {
        var entries: [SimpleYAML.Entry] = []
        while index < lines.count, lines[index].indent >= indent {
            let line = lines[index]
            guard line.indent == indent, let (key, rest) = Self.split(key: line.text) else { return nil }
            index += 1
            guard let value = value(after: rest, indent: indent) else { return nil }
            entries.append(SimpleYAML.Entry(key: key, line: line.number, value: value))
        }
        return entries
    }

    /// The value after `key:`: inline on the same line, or a block sequence or mapping below it.
    /// An empty value (YAML null) is not in the subset.
    private mutating func value(after rest: ArraySlice<UInt8>, indent: Int) -> SimpleYAML.Value? {
        if let start = rest.firstIndex(where: { $0 != UInt8(ascii: " ") }) {
            return SimpleYAMLScalars.inlineValue(rest[start...])
        }
        guard index < lines.count else { return nil }
        let next = lines[index]
        // A sequence may sit at its key's own indent ("indentless"), a mapping must be deeper.
        if next.indent >= indent, Self.isItem(next.text) {
            return blockSequence(indent: next.indent).map(SimpleYAML.Value.list)
        }
        guard indent == 0, next.indent > 0 else { return nil }
        return mapping(indent: next.indent).map(SimpleYAML.Value.mapping)
    }

    /// Reads `- scalar` lines at exactly `indent`.
    private mutating func blockSequence(indent: Int) -> [SimpleYAML.Scalar]? {
        var items: [SimpleYAML.Scalar] = []
        while index < lines.count, lines[index].indent == indent, Self.isItem(lines[index].text) {
            let afterDash = lines[index].text.dropFirst()
            // `-` alone is a null item, or a collection on the lines below.
            guard let start = afterDash.firstIndex(where: { $0 != UInt8(ascii: " ") }),
                  let item = SimpleYAMLScalars.blockScalar(afterDash[start...])
            else { return nil }
            items.append(item)
            index += 1
        }
        return items
    }

    /// `-` followed by a space or the end of the line.
    private static func isItem(_ text: ArraySlice<UInt8>) -> Bool {
        text.first == UInt8(ascii: "-") && (text.count == 1 || text[text.startIndex + 1] == UInt8(ascii: " "))
    }

    /// Splits `key:` from what follows it. Keys are ASCII letters, digits, `_` and, after the
    /// first byte, `-` (rule ids such as `exercise-safety`); the colon must be followed by a
    /// space or the end of the line, or YAML reads the line as one scalar.
    private static func split(key text: ArraySlice<UInt8>) -> (String, ArraySlice<UInt8>)? {
        guard let first = text.first, isKeyByte(first),
              let colon = text.dropFirst().firstIndex(where: { !isKeyByte($0) && $0 != UInt8(ascii: "-") }),
              text[colon] == UInt8(ascii: ":")
        else { return nil }
        let rest = text[(colon + 1)...]
        guard rest.isEmpty || rest.first == UInt8(ascii: " ") else { return nil }
        return (String(decoding: text[..<colon], as: UTF8.self), rest)
    }

    private static func isKeyByte(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
             UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "_"): true
        default: false
        }
    }
}
