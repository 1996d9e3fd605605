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
    static func escape(_ json: String) -> String {
        var escaped = ""
        escaped.reserveCapacity(json.utf8.count)
        for scalar in json.unicodeScalars {
            switch scalar {
            case "<": escaped += "\\u003c"
            case ">": escaped += "\\u003e"
            case "&": escaped += "\\u0026"
            case "\u{2028}": escaped += "\\u2028"
            case "\u{2029}": escaped += "\\u2029"
            default: escaped.unicodeScalars.append(scalar)
            }
        }
        return escaped
    }
}
