/// The one HTML escaping the project uses: templates' `{{value}}` and the preview server's
/// error overlay both go through it, so text can't reach a page unescaped by another rule.
public enum HTMLEscaping {
    /// Appends text with `&`, `<`, `>`, `"` and `'` escaped, which is safe in element content
    /// and in quoted attribute values.
    public static func append(_ text: String, to output: inout [UInt8]) {
        // Read in place where it can be: `withUTF8` needs a mutable copy of the string.
        let done: Void? = text.utf8.withContiguousStorageIfAvailable { append(escaping: $0, to: &output) }
        guard done == nil else { return }
        var text = text
        text.withUTF8 { append(escaping: $0, to: &output) }
    }

    /// - Parameter apostrophes: Whether `'` is escaped too; cmark's renderer leaves it
    ///   (``CmarkEscaping``), and bodies must come out as cmark writes them.
    package static func append(escaping bytes: UnsafeBufferPointer<UInt8>, to output: inout [UInt8], apostrophes: Bool = true) {
        // Runs without a special character are copied whole: most text has none. They are
        // passed over eight bytes at a time (``ByteLanes``).
        let ampersand = UInt8(ascii: "&"), less = UInt8(ascii: "<"), greater = UInt8(ascii: ">")
        let quote = UInt8(ascii: "\""), apostrophe = UInt8(ascii: "'")
        var start = 0, index = 0
        while index < bytes.count {
            if index + 8 <= bytes.count {
                let lanes = ByteLanes.load(bytes, at: index, padding: 0)
                let special = ByteLanes.equal(lanes, ampersand) | ByteLanes.equal(lanes, less) | ByteLanes.equal(lanes, greater)
                    | ByteLanes.equal(lanes, quote) | (apostrophes ? ByteLanes.equal(lanes, apostrophe) : 0)
                guard special != 0 else {
                    index += 8
                    continue
                }
                index += special.trailingZeroBitCount >> 3
            }
            let replacement: StaticString
            switch bytes[index] {
            case ampersand: replacement = "&amp;"
            case less: replacement = "&lt;"
            case greater: replacement = "&gt;"
            case quote: replacement = "&quot;"
            case apostrophe where apostrophes: replacement = "&#39;"
            default:
                index += 1
                continue
            }
            output.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[start..<index]))
            output.append(contentsOf: UnsafeBufferPointer(start: replacement.utf8Start, count: replacement.utf8CodeUnitCount))
            index += 1
            start = index
        }
        output.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[start...]))
    }

    /// Text with the same escaping, as a string.
    public static func escaped(_ text: String) -> String {
        var output: [UInt8] = []
        output.reserveCapacity(text.utf8.count)
        append(text, to: &output)
        return String(decoding: output, as: UTF8.self)
    }
}
