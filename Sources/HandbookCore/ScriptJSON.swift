
/// JSON that is safe to put inside an HTML `<script>` element or a JavaScript file.
///
/// A script element ends at the first `</script`, whatever JSON string it sits in, and
/// `<!--` changes how the parser reads what follows; U+2028 and U+2029 end a line in older
/// JavaScript. So `<`, `>`, `&` and those two characters are written as `\uXXXX` escapes,
/// which mean the same to a JSON parser. They can only occur inside strings, so replacing
/// them in the encoded text never touches the JSON's structure.
package enum ScriptJSON {
    /// Appends a string as JSON, quoted and escaped in one pass: as Foundation's `JSONEncoder`
    /// escapes it (short escapes where JSON has them, `\u00xx` for other control characters,
    /// slashes left alone; the tests compare the two), then `<`, `>`, `&`, U+2028 and U+2029.
    package static func appendString(_ string: String, to bytes: inout [UInt8]) {
        bytes.append(UInt8(ascii: "\""))
        var string = string
        string.withUTF8 { utf8 in
            // Runs of bytes that need no escape, nearly all of the text, are copied whole:
            // byte by byte, the search index's 10 MB were most of its cost.
            var start = 0, index = 0
            while index < utf8.count {
                // Eight bytes at a time (``ByteLanes``) to the next byte that may need an escape.
                if index + 8 <= utf8.count {
                    let lanes = mayNeedEscape(ByteLanes.load(utf8, at: index, padding: 0))
                    guard lanes != 0 else {
                        index += 8
                        continue
                    }
                    index += lanes.trailingZeroBitCount >> 3
                }
                let byte = utf8[index]
                guard mayNeedEscape(byte) else {
                    index += 1
                    continue
                }
                let isLineSeparator = byte == 0xE2 && index + 2 < utf8.count && utf8[index + 1] == 0x80
                    && (utf8[index + 2] == 0xA8 || utf8[index + 2] == 0xA9)
                guard byte != 0xE2 || isLineSeparator else {
                    index += 1
                    continue
                }
                bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[start..<index]))
                appendEscape(byte, next: isLineSeparator ? utf8[index + 2] : 0, to: &bytes)
                index += isLineSeparator ? 3 : 1
                start = index
            }
            bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[start...]))
        }
        bytes.append(UInt8(ascii: "\""))
    }

    /// ``mayNeedEscape(_:)-(UInt8)`` for eight bytes at once.
    private static func mayNeedEscape(_ lanes: UInt64) -> UInt64 {
        ByteLanes.below(lanes, 0x20) | ByteLanes.equal(lanes, 0xE2) | ByteLanes.equal(lanes, UInt8(ascii: "\""))
            | ByteLanes.equal(lanes, UInt8(ascii: "\\")) | ByteLanes.equal(lanes, UInt8(ascii: "<"))
            | ByteLanes.equal(lanes, UInt8(ascii: ">")) | ByteLanes.equal(lanes, UInt8(ascii: "&"))
    }

    /// Whether a byte may start an escape: control characters, `"`, `\\`, `<`, `>`, `&`, and 0xE2,
    /// the first byte of U+2028 and U+2029.
    private static func mayNeedEscape(_ byte: UInt8) -> Bool {
        switch byte {
        case 0..<0x20, UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "<"), UInt8(ascii: ">"), UInt8(ascii: "&"), 0xE2: true
        default: false
        }
    }

    /// The escape of one byte; for U+2028 and U+2029, `next` is their last byte.
    private static func appendEscape(_ byte: UInt8, next: UInt8, to bytes: inout [UInt8]) {
        let hex = { (digit: UInt8) in digit < 10 ? UInt8(ascii: "0") + digit : UInt8(ascii: "a") + digit - 10 }
        switch byte {
        case UInt8(ascii: "\""): bytes += #"\""#.utf8
        case UInt8(ascii: "\\"): bytes += #"\\"#.utf8
        case 0x08: bytes += #"\b"#.utf8
        case 0x09: bytes += #"\t"#.utf8
        case 0x0A: bytes += #"\n"#.utf8
        case 0x0C: bytes += #"\f"#.utf8
        case 0x0D: bytes += #"\r"#.utf8
        case 0..<0x20: bytes += [UInt8(ascii: "\\"), UInt8(ascii: "u"), UInt8(ascii: "0"), UInt8(ascii: "0"), hex(byte >> 4), hex(byte & 15)]
        case UInt8(ascii: "<"): bytes += #"\u003c"#.utf8
        case UInt8(ascii: ">"): bytes += #"\u003e"#.utf8
        case UInt8(ascii: "&"): bytes += #"\u0026"#.utf8
        default: bytes += (next == 0xA8 ? #"\u2028"# : #"\u2029"#).utf8
        }
    }
}
