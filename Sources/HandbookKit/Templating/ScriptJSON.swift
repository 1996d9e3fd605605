import Foundation

/// JSON that is safe to put inside an HTML `<script>` element or a JavaScript file.
///
/// A script element ends at the first `</script`, whatever JSON string it sits in, and
/// `<!--` changes how the parser reads what follows; U+2028 and U+2029 end a line in older
/// JavaScript. So `<`, `>`, `&` and those two characters are written as `\uXXXX` escapes,
/// which mean the same to a JSON parser. They can only occur inside strings, so replacing
/// them in the encoded text never touches the JSON's structure.
enum ScriptJSON {
    /// Encodes a value with sorted keys, so output is byte-identical across builds.
    /// - Parameter value: Any encodable value.
    /// - Returns: The JSON text, escaped for a script.
    static func encode<T: Encodable>(_ value: T) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        // Encoding strings, numbers, arrays and string-keyed objects can't fail.
        guard let data = try? encoder.encode(value) else { return "null" }
        return escape(String(decoding: data, as: UTF8.self))
    }

    /// Escapes the characters that could end a script element or a JavaScript line.
    /// Works on UTF-8 bytes: U+2028 and U+2029 are `E2 80 A8` and `E2 80 A9`.
    static func escape(_ json: String) -> String {
        let bytes = Array(json.utf8)
        var escaped: [UInt8] = []
        escaped.reserveCapacity(bytes.count + 64)
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            switch byte {
            case UInt8(ascii: "<"): escaped += "\\u003c".utf8
            case UInt8(ascii: ">"): escaped += "\\u003e".utf8
            case UInt8(ascii: "&"): escaped += "\\u0026".utf8
            case 0xE2 where index + 2 < bytes.count && bytes[index + 1] == 0x80 && (bytes[index + 2] == 0xA8 || bytes[index + 2] == 0xA9):
                escaped += (bytes[index + 2] == 0xA8 ? "\\u2028" : "\\u2029").utf8
                index += 2
            default: escaped.append(byte)
            }
            index += 1
        }
        return String(decoding: escaped, as: UTF8.self)
    }
}
