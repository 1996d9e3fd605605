
/// Reads the scalars and one-line flow sequences of ``SimpleYAML``. Each function is given the
/// rest of a line, starting at a non-space byte, and returns nil unless that whole rest is one
/// value whose text is certain: no escapes, no trailing comments, nothing YAML reads as null.
package enum SimpleYAMLScalars {
    /// A mapping value on its key's line: a flow sequence or a scalar.
    package static func inlineValue(_ text: ArraySlice<UInt8>) -> SimpleYAML.Value? {
        if text.first == UInt8(ascii: "[") { return flowSequence(text).map(SimpleYAML.Value.list) }
        return blockScalar(text).map(SimpleYAML.Value.scalar)
    }

    /// A quoted or plain scalar filling the rest of a line outside brackets.
    package static func blockScalar(_ text: ArraySlice<UInt8>) -> SimpleYAML.Scalar? {
        if let (scalar, rest) = quoted(text) {
            return rest.allSatisfy({ $0 == UInt8(ascii: " ") }) ? scalar : nil
        }
        let trimmed = text[..<trailingSpaces(text)]
        // `: ` would start a nested mapping and ` #` a comment; a final `:` makes it a key.
        guard trimmed.last != UInt8(ascii: ":"), !contains(trimmed, UInt8(ascii: ":"), UInt8(ascii: " ")),
              !contains(trimmed, UInt8(ascii: " "), UInt8(ascii: "#"))
        else { return nil }
        return plain(trimmed)
    }

    /// `[a, "b, c", 'd']` ending the line. Plain items may not hold `:`, `#` or brackets, which
    /// have meanings inside a flow sequence.
    private static func flowSequence(_ text: ArraySlice<UInt8>) -> [SimpleYAML.Scalar]? {
        var rest = skipSpaces(text.dropFirst())
        var items: [SimpleYAML.Scalar] = []
        if rest.first == UInt8(ascii: "]") { return endsLine(rest.dropFirst()) ? [] : nil }
        while true {
            let item: SimpleYAML.Scalar
            if let (scalar, after) = quoted(rest) {
                item = scalar
                rest = skipSpaces(after)
            } else {
                let end = rest.firstIndex { $0 == UInt8(ascii: ",") || $0 == UInt8(ascii: "]") } ?? rest.endIndex
                let word = rest[..<end]
                guard !word.contains(where: { "{}[#:".utf8.contains($0) }), let scalar = plain(word[..<trailingSpaces(word)])
                else { return nil }
                item = scalar
                rest = rest[end...]
            }
            items.append(item)
            switch rest.first {
            case UInt8(ascii: ","): rest = skipSpaces(rest.dropFirst())
            case UInt8(ascii: "]"): return endsLine(rest.dropFirst()) ? items : nil
            default: return nil
            }
        }
    }

    /// A single- or double-quoted scalar closed on this line, and what follows it; nil when the
    /// text does not start with a quote or the double-quoted scalar has an escape.
    private static func quoted(_ text: ArraySlice<UInt8>) -> (SimpleYAML.Scalar, ArraySlice<UInt8>)? {
        guard let quote = text.first, quote == UInt8(ascii: "\"") || quote == UInt8(ascii: "'") else { return nil }
        var content: [UInt8] = []
        // Bytes before the first `''` are the content as they stand: most scalars have none
        // and are made straight from the line, without being copied byte by byte first.
        var copied = text.startIndex + 1
        var index = text.startIndex + 1
        while index < text.endIndex {
            let byte = text[index]
            if quote == UInt8(ascii: "\"") && byte == UInt8(ascii: "\\") { return nil }
            if byte == quote {
                // `''` is a single quote inside a single-quoted scalar.
                guard quote == UInt8(ascii: "'"), index + 1 < text.endIndex, text[index + 1] == quote else {
                    let scalar = content.isEmpty
                        ? String(decoding: text[copied..<index], as: UTF8.self)
                        : String(decoding: content + text[copied..<index], as: UTF8.self)
                    return (SimpleYAML.Scalar(text: scalar, isPlain: false), text[(index + 1)...])
                }
                content += text[copied...index]
                index += 2
                copied = index
                continue
            }
            index += 1
        }
        return nil
    }

    /// A plain scalar, already trimmed; nil when it is empty, starts with an indicator, or is null.
    private static func plain(_ text: ArraySlice<UInt8>) -> SimpleYAML.Scalar? {
        guard let first = text.first, !"-?:,[]{}#&*!|>'\"%@`".utf8.contains(first) else { return nil }
        let string = String(decoding: text, as: UTF8.self)
        // Decoders treat null differently per type (nil for optionals, the text "null" for strings).
        guard !["~", "null", "Null", "NULL"].contains(string) else { return nil }
        return SimpleYAML.Scalar(text: string, isPlain: true)
    }

    private static func contains(_ text: ArraySlice<UInt8>, _ first: UInt8, _ second: UInt8) -> Bool {
        var index = text.startIndex
        while index + 1 < text.endIndex {
            if text[index] == first && text[index + 1] == second { return true }
            index += 1
        }
        return false
    }

    /// The end index of `text` without its trailing spaces.
    private static func trailingSpaces(_ text: ArraySlice<UInt8>) -> Int {
        var end = text.endIndex
        while end > text.startIndex, text[end - 1] == UInt8(ascii: " ") { end -= 1 }
        return end
    }

    private static func skipSpaces(_ text: ArraySlice<UInt8>) -> ArraySlice<UInt8> {
        text.drop { $0 == UInt8(ascii: " ") }
    }

    private static func endsLine(_ text: ArraySlice<UInt8>) -> Bool {
        text.allSatisfy { $0 == UInt8(ascii: " ") }
    }
}
