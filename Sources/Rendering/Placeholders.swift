#if canImport(Glibc)
import Glibc
#endif

/// `{{name}}` in a page's text, such as `{{emergency.number}}`, filled from the site's settings
/// on cmark's tree: code spans and blocks keep their braces, and positions stay the file's.
package struct Placeholders: Sendable {
    private var values: [String: String]

    /// - Parameter values: Each name's text.
    package init(_ values: [String: String] = [:]) {
        self.values = values
    }

    /// The names a page may use, sorted, for messages.
    package var names: [String] { values.keys.sorted() }

    /// Whether `text` may hold a placeholder: only then is the tree walked for them.
    package static func mayAppear(in text: String) -> Bool {
        var text = text
        // memchr: every page's whole body is searched, and a byte loop was 1% of a build.
        return text.withUTF8 { bytes in
            guard var rest = UnsafeRawBufferPointer(bytes).baseAddress else { return false }
            let end = rest + bytes.count
            while rest < end, let brace = memchr(rest, Int32(UInt8(ascii: "{")), end - rest) {
                let next = brace + 1
                if next < end, next.load(as: UInt8.self) == UInt8(ascii: "{") { return true }
                rest = UnsafeRawPointer(next)
            }
            return false
        }
    }

    /// The text with every known `{{name}}` filled in (spaces inside the braces allowed), and
    /// the names that are not known, left as written, each with its byte offset in `text`.
    package func fill(_ text: String) -> (text: String, unknown: [(name: String, offset: Int)]) {
        var filled = "", unknown: [(name: String, offset: Int)] = []
        var rest = Substring(text)
        while let open = rest.range(of: "{{"), let close = rest[open.upperBound...].range(of: "}}") {
            let name = rest[open.upperBound..<close.lowerBound].trimmingSpaces
            filled += rest[..<open.lowerBound]
            if let value = values[name] {
                filled += value
            } else {
                unknown.append((name, text.utf8.distance(from: text.startIndex, to: open.lowerBound)))
                filled += rest[open.lowerBound..<close.upperBound]
            }
            rest = rest[close.upperBound...]
        }
        return (filled + rest, unknown)
    }
}
