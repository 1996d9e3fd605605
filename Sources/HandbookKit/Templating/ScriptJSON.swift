/// JSON that is safe to put inside an HTML `<script>` element or a JavaScript file.
///
/// A script element ends at the first `</script`, whatever JSON string it sits in, and
/// `<!--` changes how the parser reads what follows; U+2028 and U+2029 end a line in older
/// JavaScript. So `<`, `>`, `&` and those two characters are written as `\uXXXX` escapes,
/// which mean the same to a JSON parser. They can only occur inside strings, so replacing
/// them in the encoded text never touches the JSON's structure.
enum ScriptJSON {
    /// Appends a string as JSON, quoted and escaped in one pass: as Foundation's `JSONEncoder`
    /// escapes it (short escapes where JSON has them, `\u00xx` for other control characters,
    /// slashes left alone; the tests compare the two), then `<`, `>`, `&`, U+2028 and U+2029.
    static func appendString(_ string: String, to bytes: inout [UInt8]) {
        let hex = { (digit: UInt8) in digit < 10 ? UInt8(ascii: "0") + digit : UInt8(ascii: "a") + digit - 10 }
        bytes.append(UInt8(ascii: "\""))
        var string = string
        string.withUTF8 { utf8 in
            var index = 0
            while index < utf8.count {
                let byte = utf8[index]
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
                case 0xE2 where index + 2 < utf8.count && utf8[index + 1] == 0x80 && (utf8[index + 2] == 0xA8 || utf8[index + 2] == 0xA9):
                    bytes += (utf8[index + 2] == 0xA8 ? #"\u2028"# : #"\u2029"#).utf8
                    index += 2
                default: bytes.append(byte)
                }
                index += 1
            }
        }
        bytes.append(UInt8(ascii: "\""))
    }
}
