import HandbookCore

/// Splits template text into text, line ends and tags, then applies the spec's rule for
/// standalone lines: a line holding only whitespace and one section, comment, partial,
/// parent or block tag leaves no trace in the output.
package enum MustacheLexer {
    package enum Token {
        case text([UInt8])
        case newline([UInt8])
        case tag(Tag)
    }

    package struct Tag {
        /// `#`, `^`, `/`, `!`, `>`, `<`, `$`, `=`, `%`, `{`, `&`, or nil for a variable.
        package var sigil: Character?
        /// The text between the sigil and the closing braces, trimmed.
        package var content: String
        package var line: Int
        /// The column of the opening braces.
        package var column: Int
        /// The column where the content starts.
        package var contentColumn: Int
        /// Set on standalone partials: the whitespace before the tag. (Parents are not
        /// indented: the spec's indented parents are not something our templates need.)
        package var indentation: [UInt8] = []

        package var isStandaloneKind: Bool {
            guard let sigil else { return false }
            return "#^/!><$=%".contains(sigil)
        }
    }

    package static func tokens(_ bytes: [UInt8]) throws -> [Token] {
        var tokens: [Token] = []
        var line = 1, lineStart = 0, index = 0, textStart = 0
        func column(_ offset: Int) -> Int {
            // Characters, not bytes: UTF-8 continuation bytes don't start one.
            bytes[lineStart..<offset].reduce(1) { $0 + ($1 & 0xC0 == 0x80 ? 0 : 1) }
        }
        func flushText(upTo end: Int) {
            if end > textStart { tokens.append(.text(Array(bytes[textStart..<end]))) }
        }
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
                continue
            }
            guard byte == 0x7B, index + 1 < bytes.count, bytes[index + 1] == 0x7B else {
                index += 1
                continue
            }
            flushText(upTo: index)
            let open = index
            let triple = index + 2 < bytes.count && bytes[index + 2] == 0x7B
            let closing: [UInt8] = triple ? [0x7D, 0x7D, 0x7D] : [0x7D, 0x7D]
            let contentStart = open + (triple ? 3 : 2)
            guard let close = firstIndex(of: closing, in: bytes, from: contentStart) else {
                throw MustacheTemplate.SyntaxError(line: line, column: column(open), message: "a tag is not closed with `}}`")
            }
            var inner = bytes[contentStart..<close]
            var sigil: Character? = triple ? "{" : nil
            if !triple, let first = inner.first, "#^/!><$=%&".utf8.contains(first) {
                sigil = Character(Unicode.Scalar(first))
                inner = inner.dropFirst()
            }
            let trimmed = inner.drop { $0 == 0x20 || $0 == 0x09 }
            let content = String(decoding: trimmed.reversed().drop { $0 == 0x20 || $0 == 0x09 }.reversed(), as: UTF8.self)
            tokens.append(.tag(Tag(sigil: sigil, content: content, line: line, column: column(open),
                                   contentColumn: column(trimmed.startIndex))))
            // A comment may run over several lines; the tag stays on the line where it opened.
            for offset in open..<close where bytes[offset] == 0x0A {
                line += 1
                lineStart = offset + 1
            }
            index = close + closing.count
            textStart = index
        }
        flushText(upTo: index)
        return tokens
    }

    private static func firstIndex(of needle: [UInt8], in bytes: [UInt8], from start: Int) -> Int? {
        guard bytes.count >= needle.count else { return nil }
        var index = start
        while index <= bytes.count - needle.count {
            if bytes[index] == needle[0], bytes[index..<(index + needle.count)].elementsEqual(needle) { return index }
            index += 1
        }
        return nil
    }

    /// Drops the whitespace and line end around each standalone tag; standalone partials
    /// keep the whitespace before them as their indentation.
    package static func removingStandaloneLines(_ tokens: [Token]) -> [Token] {
        var result: [Token] = []
        result.reserveCapacity(tokens.count)
        var lineStart = 0
        while lineStart < tokens.count {
            var lineEnd = lineStart
            while lineEnd < tokens.count {
                defer { lineEnd += 1 }
                if case .newline = tokens[lineEnd] { break }
            }
            let line = tokens[lineStart..<lineEnd]
            result += standalone(line) ?? Array(line)
            lineStart = lineEnd
        }
        return result
    }

    /// The line reduced to its one tag when it is standalone, else nil.
    private static func standalone(_ line: ArraySlice<Token>) -> [Token]? {
        var tag: Tag?
        var indentation: [UInt8] = []
        for token in line {
            switch token {
            case .text(let bytes):
                guard bytes.allSatisfy({ $0 == 0x20 || $0 == 0x09 }) else { return nil }
                if tag == nil { indentation += bytes }
            case .newline:
                break
            case .tag(let found):
                guard tag == nil, found.isStandaloneKind else { return nil }
                tag = found
            }
        }
        guard var tag else { return nil }
        if tag.sigil == ">" { tag.indentation = indentation }
        return [.tag(tag)]
    }
}
