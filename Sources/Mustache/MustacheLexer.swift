
/// Splits template text into text, line ends and tags, between `{{` and `}}` or the
/// delimiters a `{{=<% %>=}}` tag sets for the rest of the template.
package struct MustacheLexer {
    package enum Token {
        case text([UInt8])
        case newline([UInt8])
        /// The whitespace a line of text starts with (``MustacheLines``); `blank` when the
        /// line holds nothing else.
        case indent([UInt8], blank: Bool)
        case tag(Tag)
    }

    package struct Tag {
        /// `#`, `^`, `/`, `!`, `>`, `<`, `$`, `=`, `%`, `{`, `&`, or nil for a variable.
        package var sigil: Character?
        /// The text between the sigil and the closing delimiter, trimmed.
        package var content: String
        package var line: Int
        /// The column of the opening delimiter.
        package var column: Int
        /// The column where the content starts.
        package var contentColumn: Int
        /// Whether its line leaves no trace (``MustacheLines``).
        package var standalone = false
        /// Set on standalone tags: the whitespace before the tag on its line.
        package var indentation: [UInt8] = []

        package var isStandaloneKind: Bool {
            guard let sigil else { return false }
            return "#^/!><$=%".contains(sigil)
        }
    }

    private let bytes: [UInt8]
    private var tokens: [Token] = []
    private var open: [UInt8] = Array("{{".utf8)
    private var close: [UInt8] = Array("}}".utf8)
    private var index = 0, textStart = 0, line = 1, lineStart = 0

    private init(_ bytes: [UInt8]) {
        self.bytes = bytes
    }

    package static func tokens(_ bytes: [UInt8]) throws -> [Token] {
        var lexer = MustacheLexer(bytes)
        try lexer.run()
        return lexer.tokens
    }

    private mutating func run() throws {
        while index < bytes.count {
            let byte = bytes[index]
            if byte == 0x0A || (byte == 0x0D && index + 1 < bytes.count && bytes[index + 1] == 0x0A) {
                flushText(upTo: index)
                let width = byte == 0x0A ? 1 : 2
                tokens.append(.newline(Array(bytes[index..<(index + width)])))
                index += width
                textStart = index
                line += 1
                lineStart = index
            } else if byte == open[0], matches(open, at: index) {
                flushText(upTo: index)
                try tag()
                textStart = index
            } else {
                index += 1
            }
        }
        flushText(upTo: index)
    }

    /// Reads the tag at `index`, whose opening delimiter is there, and moves past it.
    private mutating func tag() throws {
        let start = index
        var contentStart = start + open.count
        var closing = close
        var sigil: Character?
        // `{{{x}}}` and `{{=… …=}}` end with a brace or `=` before the closing delimiter.
        if contentStart < bytes.count, bytes[contentStart] == UInt8(ascii: "{") || bytes[contentStart] == UInt8(ascii: "=") {
            sigil = Character(Unicode.Scalar(bytes[contentStart]))
            closing = [bytes[contentStart] == UInt8(ascii: "{") ? UInt8(ascii: "}") : UInt8(ascii: "=")] + close
            contentStart += 1
        } else if contentStart < bytes.count, "#^/!><$%&".utf8.contains(bytes[contentStart]) {
            sigil = Character(Unicode.Scalar(bytes[contentStart]))
            contentStart += 1
        }
        guard let end = firstIndex(of: closing, from: contentStart) else {
            throw MustacheTemplate.SyntaxError(line: line, column: column(start),
                                               message: "a tag is not closed with `\(String(decoding: close, as: UTF8.self))`")
        }
        let inner = bytes[contentStart..<end]
        let trimmed = inner.drop { $0 == 0x20 || $0 == 0x09 }
        let content = String(decoding: trimmed.reversed().drop { $0 == 0x20 || $0 == 0x09 }.reversed(), as: UTF8.self)
        let tag = Tag(sigil: sigil, content: content, line: line, column: column(start), contentColumn: column(trimmed.startIndex))
        if sigil == "=" { try setDelimiters(tag) }
        tokens.append(.tag(tag))
        // A comment may run over several lines; the tag stays on the line where it opened.
        for offset in start..<end where bytes[offset] == 0x0A {
            line += 1
            lineStart = offset + 1
        }
        index = end + closing.count
    }

    /// `{{=<% %>=}}`: two delimiters apart by whitespace, neither holding `=`.
    private mutating func setDelimiters(_ tag: Tag) throws {
        let parts = tag.content.utf8.split { $0 == 0x20 || $0 == 0x09 || $0 == 0x0A || $0 == 0x0D }
        guard parts.count == 2, !parts.contains(where: { $0.contains(UInt8(ascii: "=")) }) else {
            throw MustacheTemplate.SyntaxError(line: tag.line, column: tag.column, message:
                "a delimiter change names two delimiters apart by a space, neither with `=`, as in `{{=<% %>=}}`")
        }
        open = Array(parts[0])
        close = Array(parts[1])
    }

    private mutating func flushText(upTo end: Int) {
        if end > textStart { tokens.append(.text(Array(bytes[textStart..<end]))) }
    }

    /// The column of a byte offset on the current line, in characters: UTF-8 continuation
    /// bytes don't start one.
    private func column(_ offset: Int) -> Int {
        bytes[lineStart..<offset].reduce(1) { $0 + ($1 & 0xC0 == 0x80 ? 0 : 1) }
    }

    private func matches(_ needle: [UInt8], at start: Int) -> Bool {
        start + needle.count <= bytes.count && bytes[start..<(start + needle.count)].elementsEqual(needle)
    }

    private func firstIndex(of needle: [UInt8], from start: Int) -> Int? {
        var index = start
        while index + needle.count <= bytes.count {
            if bytes[index] == needle[0], matches(needle, at: index) { return index }
            index += 1
        }
        return nil
    }
}
