
/// Turns a template's tokens into its tree, checking that every section closes with its
/// own name and that parents hold only blocks (and text, which the spec ignores there).
package struct MustacheTreeBuilder {
    package typealias Node = MustacheTemplate.Node
    private typealias SyntaxError = MustacheTemplate.SyntaxError

    private enum Kind {
        case root
        case section([TemplateName], inverted: Bool)
        case parent(MustacheTemplate.Parent)
        case block(MustacheTemplate.Block)
    }

    private struct Frame {
        package var kind: Kind
        package var name: String
        package var tag: MustacheLexer.Tag?
        package var nodes: [Node] = []
    }

    private var frames = [Frame(kind: .root, name: "", tag: nil)]
    private var references: [MustacheTemplate.Reference] = []
    private var parents = 0

    package mutating func add(_ token: MustacheLexer.Token) throws {
        switch token {
        case .text(let bytes), .newline(let bytes):
            if case .parent = frames[frames.count - 1].kind { return }
            append(.text(bytes))
        case .indent(let whitespace, let blank):
            if !blank { noteLine(indentedBy: whitespace) }
            if case .parent = frames[frames.count - 1].kind { return }
            append(.indent(whitespace))
        case .tag(let tag):
            try add(tag)
        }
    }

    private mutating func add(_ tag: MustacheLexer.Tag) throws {
        if case .parent = frames[frames.count - 1].kind, !["$", "!", "/", "="].contains(tag.sigil) {
            throw error(tag, "only block overrides `{{$name}}` may appear inside `{{<\(frames[frames.count - 1].name)}}`")
        }
        // A standalone line is a line of the blocks it is in, not of the one it opens or closes.
        if tag.standalone && tag.sigil != "/" { noteLine(indentedBy: tag.indentation) }
        switch tag.sigil {
        case nil, "{", "&":
            append(.variable(try path(tag), escaped: tag.sigil == nil))
        case "#", "^":
            frames.append(Frame(kind: .section(try path(tag), inverted: tag.sigil == "^"), name: tag.content, tag: tag))
        case "/":
            try close(tag)
            if tag.standalone { noteLine(indentedBy: tag.indentation) }
        case "!", "=":
            break
        case ">":
            try addPartial(tag)
        case "<":
            guard !tag.content.hasPrefix("*") else { throw error(tag, "a parent's name can't come from a value (`{{<*name}}`)") }
            let name = try partialName(tag)
            references.append(.init(name: name, line: tag.line, column: tag.column))
            let parent = MustacheTemplate.Parent(name: name, id: parents, indentation: tag.standalone ? tag.indentation : nil, blocks: [:])
            parents += 1
            frames.append(Frame(kind: .parent(parent), name: name, tag: tag))
        case "$":
            _ = try path(tag)
            let block = MustacheTemplate.Block(name: tag.content, nodes: [], standalone: tag.standalone, before: tag.indentation, margin: nil)
            frames.append(Frame(kind: .block(block), name: tag.content, tag: tag))
        case "%":
            append(.escaping(try escaping(tag)))
        default:
            throw error(tag, "unknown tag")
        }
    }

    private mutating func addPartial(_ tag: MustacheLexer.Tag) throws {
        let indentation = tag.standalone ? tag.indentation : nil
        guard tag.content.hasPrefix("*") else {
            let name = try partialName(tag)
            references.append(.init(name: name, line: tag.line, column: tag.column))
            append(.partial(name, indentation: indentation))
            return
        }
        var named = tag
        named.content = String(tag.content.dropFirst()).trimmingSpaces
        // A name part may start with `*` too: the spec names none so, and gives nothing for it.
        append(.dynamicPartial(try path(named, also: UInt8(ascii: "*")), indentation: indentation))
    }

    private mutating func close(_ tag: MustacheLexer.Tag) throws {
        guard frames.count > 1 else {
            throw SyntaxError(line: tag.line, column: tag.contentColumn, message: "this closing tag has no section to close")
        }
        let frame = frames.removeLast()
        guard frame.name == tag.content else {
            throw SyntaxError(line: tag.line, column: tag.contentColumn, message: "this closing tag does not match the section it closes")
        }
        switch frame.kind {
        case .root:
            break
        case .section(let path, let inverted):
            append(.section(path, inverted: inverted, frame.nodes))
        case .parent(let parent):
            append(.parent(parent))
        case .block(var block):
            block.nodes = frame.nodes
            if case .parent(var parent) = frames[frames.count - 1].kind {
                parent.blocks[block.name] = block
                frames[frames.count - 1].kind = .parent(parent)
            } else {
                append(.block(block))
            }
        }
    }

    /// The tree and the partials it names.
    package mutating func finish() throws -> ([Node], [MustacheTemplate.Reference]) {
        if let open = frames.last, let tag = open.tag {
            throw error(tag, "`{{\(tag.sigil ?? "#")\(open.name)}}` is opened but never closed")
        }
        return (frames[0].nodes, references)
    }

    private mutating func append(_ node: Node) {
        // Neighbouring text becomes one node: fewer, longer copies when filling.
        if case .text(let bytes) = node, case .text(let previous)? = frames[frames.count - 1].nodes.last {
            frames[frames.count - 1].nodes[frames[frames.count - 1].nodes.count - 1] = .text(previous + bytes)
            return
        }
        frames[frames.count - 1].nodes.append(node)
    }

    /// Narrows the margin of every open block to the indentation of a line inside it.
    private mutating func noteLine(indentedBy whitespace: [UInt8]) {
        for index in frames.indices {
            guard case .block(var block) = frames[index].kind else { continue }
            block.margin = block.margin.map { Array(zip($0, whitespace).prefix { $0 == $1 }.map(\.0)) } ?? whitespace
            frames[index].kind = .block(block)
        }
    }

    private func error(_ tag: MustacheLexer.Tag, _ message: String) -> SyntaxError {
        SyntaxError(line: tag.line, column: tag.column, message: message)
    }

    /// `a.b.c` as its parts; `.` as none.
    private func path(_ tag: MustacheLexer.Tag, also extra: UInt8? = nil) throws -> [TemplateName] {
        if tag.content == "." { return [] }
        let parts = tag.content.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.allSatisfy({ !$0.isEmpty && $0.utf8.allSatisfy { Self.isNameByte($0) || $0 == extra } }) else {
            throw SyntaxError(line: tag.line, column: tag.contentColumn, message: tag.content.isEmpty
                ? "this tag has no name" : "`\(tag.content)` is not a name: use letters, digits, `-`, `_` and `.` between parts")
        }
        return parts.map { TemplateName(String($0)) }
    }

    private func partialName(_ tag: MustacheLexer.Tag) throws -> String {
        guard !tag.content.isEmpty, tag.content.utf8.allSatisfy({ Self.isNameByte($0) || $0 == UInt8(ascii: "/") || $0 == UInt8(ascii: ".") }) else {
            throw SyntaxError(line: tag.line, column: tag.contentColumn, message: tag.content.isEmpty
                ? "this partial tag has no name" : "`\(tag.content)` is not a template name")
        }
        return tag.content
    }

    private func escaping(_ tag: MustacheLexer.Tag) throws -> Bool {
        let parts = tag.content.split(separator: ":").map { $0.trimmingSpaces }
        guard parts.count == 2, parts[0] == "CONTENT_TYPE", ["TEXT", "HTML"].contains(parts[1]) else {
            throw error(tag, "unknown pragma; the only one is `{{% CONTENT_TYPE: TEXT}}` (or `HTML`)")
        }
        return parts[1] == "HTML"
    }

    private static func isNameByte(_ byte: UInt8) -> Bool {
        (0x30...0x39).contains(byte) || (0x41...0x5A).contains(byte) || (0x61...0x7A).contains(byte)
            || byte == UInt8(ascii: "-") || byte == UInt8(ascii: "_") || byte == UInt8(ascii: "?")
    }
}
