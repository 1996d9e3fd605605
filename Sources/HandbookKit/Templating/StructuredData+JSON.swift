extension StructuredData.Value {
    /// The value as script-safe JSON: the same bytes as ``ScriptJSON/encode(_:)`` gives
    /// (Foundation's `JSONEncoder` with sorted keys and unescaped slashes, then the script
    /// escapes), written in one pass. Every article page has JSON-LD, and `JSONEncoder`
    /// was most of its cost; `StructuredDataTests` compares the two on awkward strings.
    var scriptJSON: String {
        var output: [UInt8] = []
        output.reserveCapacity(1024)
        write(into: &output)
        return String(decoding: output, as: UTF8.self)
    }

    private func write(into output: inout [UInt8]) {
        switch self {
        case .string(let text):
            Self.write(text, into: &output)
        case .number(let number):
            output += String(number).utf8
        case .array(let items):
            output.append(UInt8(ascii: "["))
            for (index, item) in items.enumerated() {
                if index > 0 { output.append(UInt8(ascii: ",")) }
                item.write(into: &output)
            }
            output.append(UInt8(ascii: "]"))
        case .object(let members):
            output.append(UInt8(ascii: "{"))
            // Keys are ASCII names chosen in code, where `JSONEncoder`'s sorting and the
            // byte order agree.
            for (index, member) in members.sorted(by: { $0.key < $1.key }).enumerated() {
                if index > 0 { output.append(UInt8(ascii: ",")) }
                Self.write(member.key, into: &output)
                output.append(UInt8(ascii: ":"))
                member.value.write(into: &output)
            }
            output.append(UInt8(ascii: "}"))
        }
    }

    /// A JSON string: `JSONEncoder`'s escapes (quote, backslash, control characters), then
    /// the script's (`<`, `>`, `&`, U+2028, U+2029).
    private static func write(_ text: String, into output: inout [UInt8]) {
        output.append(UInt8(ascii: "\""))
        let bytes = text.utf8
        var index = bytes.startIndex
        while index != bytes.endIndex {
            let byte = bytes[index]
            switch byte {
            case UInt8(ascii: "\""): output += #"\""#.utf8
            case UInt8(ascii: "\\"): output += #"\\"#.utf8
            case 0x08: output += #"\b"#.utf8
            case 0x0C: output += #"\f"#.utf8
            case 0x0A: output += #"\n"#.utf8
            case 0x0D: output += #"\r"#.utf8
            case 0x09: output += #"\t"#.utf8
            case 0x00...0x1F:
                output += #"\u00"#.utf8
                output.append(hexDigit(byte >> 4))
                output.append(hexDigit(byte & 0x0F))
            case UInt8(ascii: "<"): output += #"\u003c"#.utf8
            case UInt8(ascii: ">"): output += #"\u003e"#.utf8
            case UInt8(ascii: "&"): output += #"\u0026"#.utf8
            case 0xE2:
                // U+2028 and U+2029 are `E2 80 A8` and `E2 80 A9`.
                let second = bytes.index(after: index)
                let third = second == bytes.endIndex ? second : bytes.index(after: second)
                if third != bytes.endIndex, bytes[second] == 0x80, bytes[third] == 0xA8 || bytes[third] == 0xA9 {
                    output += (bytes[third] == 0xA8 ? #"\u2028"# : #"\u2029"#).utf8
                    index = third
                } else {
                    output.append(byte)
                }
            default:
                output.append(byte)
            }
            index = bytes.index(after: index)
        }
        output.append(UInt8(ascii: "\""))
    }

    private static func hexDigit(_ value: UInt8) -> UInt8 {
        value < 10 ? UInt8(ascii: "0") + value : UInt8(ascii: "a") + value - 10
    }
}
