
/// The spec's rule for standalone lines: a line holding only whitespace and one section,
/// comment, partial, parent, block, delimiter or pragma tag leaves no trace in the output.
/// So does a line holding a pair of those that belong together: a parent's tags
/// (`{{<p}}{{/p}}`), a parent's tag and its first block (`{{<p}}{{$b}}`), a last block's
/// end and its parent's (`{{/b}}{{/p}}`), and a block's tags (`{{$b}}{{/b}}`), which alone
/// keep their line end, as a block put there may be empty.
///
/// Every other line starts with an ``MustacheLexer/Token/indent(_:blank:)``: the whitespace
/// it starts with, which partials and blocks reindent.
package enum MustacheLines {
    package typealias Token = MustacheLexer.Token
    package typealias Tag = MustacheLexer.Tag

    package static func standalone(_ tokens: [Token]) -> [Token] {
        var result: [Token] = []
        result.reserveCapacity(tokens.count + tokens.count / 4)
        // The sigils of the sections, parents and blocks open, to tell what a `/` closes.
        var open: [Character] = []
        var lineStart = 0
        while lineStart < tokens.count {
            var lineEnd = lineStart
            while lineEnd < tokens.count {
                defer { lineEnd += 1 }
                if case .newline = tokens[lineEnd] { break }
            }
            result += shaped(tokens[lineStart..<lineEnd], open: &open)
            lineStart = lineEnd
        }
        return result
    }

    private static func shaped(_ line: ArraySlice<Token>, open: inout [Character]) -> [Token] {
        var tags: [(offset: Int, tag: Tag)] = []
        var indentation: [UInt8] = []
        var blank = true
        for (offset, token) in zip(line.indices, line) {
            switch token {
            case .text(let bytes):
                if !bytes.allSatisfy(isSpace) { blank = false }
                if tags.isEmpty { indentation += bytes }
            case .tag(let tag): tags.append((offset, tag))
            case .newline, .indent: break
            }
        }
        defer { for (_, tag) in tags { track(tag, open: &open) } }
        if blank, tags.count == 1, tags[0].tag.isStandaloneKind {
            return [.tag(standalone(tags[0].tag, indentation))]
        }
        if blank, tags.count == 2, tags[1].offset == tags[0].offset + 1,
           let keepsLineEnd = pair(tags[0].tag, tags[1].tag, open: open) {
            let pair: [Token] = [.tag(standalone(tags[0].tag, indentation)), .tag(standalone(tags[1].tag, indentation))]
            guard keepsLineEnd, case .newline(let end)? = line.last else { return pair }
            return pair + [.newline(end)]
        }
        return indented(line, blank: blank && tags.isEmpty)
    }

    /// Whether two tags side by side make a standalone pair, and if so whether their line
    /// keeps its end; nil when they don't.
    private static func pair(_ first: Tag, _ second: Tag, open: [Character]) -> Bool? {
        switch (first.sigil, second.sigil) {
        case ("<", "/") where first.content == second.content: false
        case ("$", "/") where first.content == second.content: true
        case ("<", "$"): false
        case ("/", "/") where open.count >= 2 && open[open.count - 1] == "$" && open[open.count - 2] == "<": false
        default: nil
        }
    }

    private static func standalone(_ tag: Tag, _ indentation: [UInt8]) -> Tag {
        var tag = tag
        tag.standalone = true
        tag.indentation = indentation
        return tag
    }

    /// The line with its leading whitespace split off as its indentation.
    private static func indented(_ line: ArraySlice<Token>, blank: Bool) -> [Token] {
        var tokens = Array(line)
        guard case .text(let bytes)? = tokens.first else { return [.indent([], blank: blank)] + tokens }
        let whitespace = bytes.prefix(while: isSpace)
        tokens[0] = .indent(Array(whitespace), blank: blank)
        if whitespace.count < bytes.count { tokens.insert(.text(Array(bytes[whitespace.count...])), at: 1) }
        return tokens
    }

    private static func track(_ tag: Tag, open: inout [Character]) {
        switch tag.sigil {
        case "#", "^", "<", "$": open.append(tag.sigil!)
        case "/": _ = open.popLast()
        default: break
        }
    }

    private static func isSpace(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x09
    }
}
