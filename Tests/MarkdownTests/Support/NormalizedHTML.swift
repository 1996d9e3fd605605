/// The CommonMark spec runner's HTML normalization (`test/normalize.py` of commonmark-spec
/// 0.30), ported so that HTML is compared as the spec's own runner compares it:
///
/// - runs of whitespace become one space, except inside `<pre>`;
/// - whitespace around block-level tags (`<p>`, `<li>`, `<h1>`, …) is dropped, and so is a
///   line break just after `<br>`;
/// - `<br />` becomes `<br>`; tag and attribute names are lowercased, attributes sorted;
/// - character references become the characters, except `<`, `>`, `&` and `"`.
///
/// It ports what the script does to what cmark writes, not all of Python's `HTMLParser`: a
/// reference must end in `;`, and `<script>` text and comments holding `>` are not special.
/// Checked against normalize.py itself (Python 3.11) on the spec HTML of all 652 examples
/// and on ours and libcmark's HTML for each: the same but for the spec HTML of 31, 173, 615,
/// 628 and 630, raw HTML (`&ouml;` in an attribute, `<style>`, a quote inside a tag,
/// `<!ELEMENT>`), which is never compared: examples with raw HTML are compared with
/// libcmark's safe-mode output.
///
/// Python works on code points, so this works on Unicode scalars, never on `Character`s
/// (to which `\r\n` or a space and a combining mark are one).
enum NormalizedHTML {
    typealias Text = ArraySlice<Unicode.Scalar>

    /// - Parameter droppingHeadingIDs: Leaves out the `id` of `<h1>`…`<h6>`: the body writer
    ///   gives every heading one, which neither the spec nor libcmark writes.
    static func normalize(_ html: String, droppingHeadingIDs: Bool = false) -> String {
        var parser = Parser(droppingHeadingIDs: droppingHeadingIDs)
        // normalize.py feeds `HTMLParser` chunk by chunk (`<![CDATA[…]]>` passed through, `<…>`
        // and text); a `<` that no `>` follows is in no chunk, so it is skipped.
        var rest = Text(html.unicodeScalars)
        while let first = rest.first {
            if rest.starts(with: "<![CDATA[".unicodeScalars), let end = rest.firstRange(of: Array("]]>".unicodeScalars)) {
                parser.output += rest[..<end.upperBound]
                rest = rest[end.upperBound...]
            } else if first == "<" {
                guard let end = rest.firstIndex(of: ">") else { rest = rest.dropFirst(); continue }
                parser.tag(rest[...end])
                rest = rest[(end + 1)...]
            } else {
                let end = rest.firstIndex(of: "<") ?? rest.endIndex
                parser.text(rest[..<end])
                rest = rest[end...]
            }
        }
        return String(parser.output)
    }

    private struct Parser {
        let droppingHeadingIDs: Bool
        var output = String.UnicodeScalarView()
        /// What was handled last (normalize.py's `last`), and the last tag's name.
        var last = Event.startTag
        var lastTag = ""
        var inPre = false

        enum Event { case startTag, endTag, data, comment, reference, declaration }

        /// One `<…>` chunk: a comment, declaration or processing instruction, an end tag or
        /// a start tag; anything else is text, as `HTMLParser` takes a `<` that starts no tag.
        mutating func tag(_ chunk: Text) {
            let inner = chunk.dropFirst().dropLast()
            if inner.starts(with: "!--".unicodeScalars), inner.count >= 5, inner.suffix(2).elementsEqual("--".unicodeScalars) {
                output += chunk  // `handle_comment` writes `<!--`, the comment and `-->`
                last = .comment
            } else if inner.first == "!" || inner.first == "?" {
                output += chunk
                last = .declaration
            } else if inner.first == "/", inner.dropFirst().first?.isASCIILetter == true {
                let name = Self.name(inner.dropFirst())
                if name == "pre" { inPre = false } else if Self.blockTags.contains(name) { trimOutputEnd() }
                output += "</\(name)>".unicodeScalars
                lastTag = name
                last = .endTag
            } else if inner.first?.isASCIILetter == true {
                startTag(inner)
            } else {
                text(chunk)
            }
        }

        /// `handle_starttag`, and `handle_startendtag` for `<… />`.
        mutating func startTag(_ inner: Text) {
            let name = Self.name(inner)
            if name == "pre" { inPre = true }
            if Self.blockTags.contains(name) { trimOutputEnd() }
            output += "<\(name)".unicodeScalars
            // normalize.py means to re-quote href and src, but tests the value (`v in
            // ['href','src']`) rather than the name, so every value is escaped alike.
            let dropID = droppingHeadingIDs && ["h1", "h2", "h3", "h4", "h5", "h6"].contains(name)
            let attributes = Self.attributes(inner.dropFirst(name.unicodeScalars.count))
                .sorted { ($0.name, $0.value ?? "") < ($1.name, $1.value ?? "") }
            for (key, value) in attributes where !(dropID && key == "id") {
                output += " \(key)".unicodeScalars
                if let value { output += "=\"\(Self.escape(value))\"".unicodeScalars }
            }
            output += ">".unicodeScalars
            lastTag = name
            last = inner.last == "/" ? .endTag : .startTag
        }

        /// Text between tags: `handle_data` for each run between references, and each
        /// reference as `handle_entityref` and `handle_charref` write it.
        mutating func text(_ chunk: Text) {
            var rest = chunk
            while !rest.isEmpty {
                let ampersand = rest.firstIndex(of: "&") ?? rest.endIndex
                if ampersand > rest.startIndex { data(rest[..<ampersand]) }
                rest = rest[ampersand...]
                guard let semicolon = rest.firstIndex(of: ";"), Self.isReference(rest[(rest.startIndex + 1)..<semicolon]) else {
                    if !rest.isEmpty { data(rest.prefix(1)) }
                    rest = rest.dropFirst()
                    continue
                }
                switch Self.character(rest[(rest.startIndex + 1)..<semicolon]) {
                case "<": output += "&lt;".unicodeScalars
                case ">": output += "&gt;".unicodeScalars
                case "&": output += "&amp;".unicodeScalars
                case "\"": output += "&quot;".unicodeScalars
                case let scalar?: output.append(scalar)
                case nil: output += rest[...semicolon]  // `output_char`'s fallback: as written
                }
                last = .reference
                rest = rest[(semicolon + 1)...]
            }
        }

        /// `handle_data`.
        mutating func data(_ piece: Text) {
            var data = piece
            let afterTag = last == .startTag || last == .endTag
            if afterTag && lastTag == "br" { data = data.drop { $0 == "\n" } }
            if !inPre { data = Self.collapsingWhitespace(data) }
            if afterTag && Self.blockTags.contains(lastTag) && !inPre {
                data = data.drop(while: \.isPythonSpace)
                if last == .endTag { while data.last?.isPythonSpace == true { data.removeLast() } }
            }
            output += data
            last = .data
        }

        /// `self.output.rstrip()`.
        mutating func trimOutputEnd() {
            while output.last?.isPythonSpace == true { output.removeLast() }
        }

        /// A tag's name, lowercased: up to whitespace, `/` or the end.
        static func name(_ text: Text) -> String {
            String(String.UnicodeScalarView(text.prefix { !$0.isHTMLSpace && $0 != "/" })).lowercased()
        }

        /// The attributes of a start tag after its name: names lowercased, values unquoted
        /// and unescaped, nil for an attribute without `=`.
        static func attributes(_ text: Text) -> [(name: String, value: String?)] {
            var attributes: [(name: String, value: String?)] = []
            var rest = text.drop { $0.isHTMLSpace || $0 == "/" }
            while !rest.isEmpty {
                let name = rest.prefix { !$0.isHTMLSpace && $0 != "/" && $0 != "=" }
                rest = rest.dropFirst(name.count).drop(while: \.isHTMLSpace)
                var value: String?
                if rest.first == "=" {
                    rest = rest.dropFirst().drop(while: \.isHTMLSpace)
                    let quote = rest.first.flatMap { $0 == "\"" || $0 == "'" ? $0 : nil }
                    let body = quote.map { quote in rest.dropFirst().prefix { $0 != quote } } ?? rest.prefix { !$0.isHTMLSpace }
                    value = unescape(body)
                    rest = rest.dropFirst(body.count + (quote == nil ? 0 : 2))
                }
                if name.isEmpty { rest = rest.dropFirst() } else {
                    attributes.append((String(String.UnicodeScalarView(name)).lowercased(), value))
                }
                rest = rest.drop { $0.isHTMLSpace || $0 == "/" }
            }
            return attributes
        }

        /// `html.unescape` of an attribute value, for references ending in `;`.
        static func unescape(_ text: Text) -> String {
            var result = String.UnicodeScalarView(), rest = text
            while let ampersand = rest.firstIndex(of: "&") {
                result += rest[..<ampersand]
                rest = rest[ampersand...]
                if let semicolon = rest.firstIndex(of: ";"), let scalar = character(rest[(ampersand + 1)..<semicolon]) {
                    result.append(scalar)
                    rest = rest[(semicolon + 1)...]
                } else {
                    result.append("&")
                    rest = rest.dropFirst()
                }
            }
            return String(result + rest)
        }

        /// Whether the text between `&` and `;` is what `HTMLParser` takes for a reference:
        /// `#` and digits, `#x` and hex digits, or a name.
        static func isReference(_ name: Text) -> Bool {
            if name.first == "#" {
                let digits = name.dropFirst()
                let hex = digits.first == "x" || digits.first == "X"
                let value = hex ? digits.dropFirst() : digits
                return !value.isEmpty && value.allSatisfy { hex ? $0.properties.isASCIIHexDigit : $0.isASCIIDigit }
            }
            guard let first = name.first, first.isASCIILetter else { return false }
            return name.allSatisfy { $0.isASCIILetter || $0.isASCIIDigit || $0 == "-" || $0 == "." }
        }

        /// The character a reference stands for, nil when Python's `chr` and `name2codepoint`
        /// give none. Of `name2codepoint`'s names only those cmark writes are here: the spec
        /// HTML normalized here uses no others.
        static func character(_ name: Text) -> Unicode.Scalar? {
            switch String(String.UnicodeScalarView(name)) {
            case "amp": return "&"
            case "lt": return "<"
            case "gt": return ">"
            case "quot": return "\""
            case let name where name.hasPrefix("#x"): return UInt32(name.dropFirst(2), radix: 16).flatMap(Unicode.Scalar.init)
            // Python's `int("X22")` fails, so `&#X22;` stays as written.
            case let name where name.hasPrefix("#"): return UInt32(name.dropFirst(), radix: 10).flatMap(Unicode.Scalar.init)
            default: return nil
            }
        }

        /// `html.escape(value, quote=True)`.
        static func escape(_ value: String) -> String {
            var escaped = ""
            for scalar in value.unicodeScalars {
                switch scalar {
                case "&": escaped += "&amp;"
                case "<": escaped += "&lt;"
                case ">": escaped += "&gt;"
                case "\"": escaped += "&quot;"
                case "'": escaped += "&#x27;"
                default: escaped.unicodeScalars.append(scalar)
                }
            }
            return escaped
        }

        /// `re.sub('\s+', ' ', data)`.
        static func collapsingWhitespace(_ data: Text) -> Text {
            var result: [Unicode.Scalar] = []
            for scalar in data {
                // A space in the result is always one written for a run, so a run gives one.
                if !scalar.isPythonSpace { result.append(scalar) } else if result.last != " " { result.append(" ") }
            }
            return result[...]
        }

        static let blockTags: Set<String> = [
            "article", "header", "aside", "hgroup", "blockquote", "hr", "iframe", "body", "li", "map", "button",
            "object", "canvas", "ol", "caption", "output", "col", "p", "colgroup", "pre", "dd", "progress", "div",
            "section", "dl", "table", "td", "dt", "tbody", "embed", "textarea", "fieldset", "tfoot", "figcaption",
            "th", "figure", "thead", "footer", "tr", "form", "ul", "h1", "h2", "h3", "h4", "h5", "h6", "video",
            "script", "style",
        ]
    }
}

extension Unicode.Scalar {
    /// Python's `str.isspace`, which `\s`, `strip` and `rstrip` use: Unicode's White_Space
    /// and the four information separators U+001C…U+001F.
    var isPythonSpace: Bool { properties.isWhitespace || (0x1C...0x1F).contains(value) }
    /// The whitespace `HTMLParser` separates a tag's parts with.
    var isHTMLSpace: Bool { self == " " || self == "\t" || self == "\n" || self == "\r" || self == "\u{0C}" }
    var isASCIILetter: Bool { ("a"..."z").contains(self) || ("A"..."Z").contains(self) }
    var isASCIIDigit: Bool { ("0"..."9").contains(self) }
}
