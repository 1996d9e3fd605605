/// The one HTML escaping the project uses: templates' `{{value}}` and the preview server's
/// error overlay both go through it, so text can't reach a page unescaped by another rule.
public enum HTMLEscaping {
    /// Appends text with `&`, `<`, `>`, `"` and `'` escaped, which is safe in element content
    /// and in quoted attribute values.
    public static func append(_ text: String, to output: inout [UInt8]) {
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "&"): output += "&amp;".utf8
            case UInt8(ascii: "<"): output += "&lt;".utf8
            case UInt8(ascii: ">"): output += "&gt;".utf8
            case UInt8(ascii: "\""): output += "&quot;".utf8
            case UInt8(ascii: "'"): output += "&#39;".utf8
            default: output.append(byte)
            }
        }
    }

    /// Text with the same escaping, as a string.
    public static func escaped(_ text: String) -> String {
        var output: [UInt8] = []
        output.reserveCapacity(text.utf8.count)
        append(text, to: &output)
        return String(decoding: output, as: UTF8.self)
    }
}
