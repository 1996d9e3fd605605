/// Fills compiled templates with a context, into UTF-8 bytes.
struct MustacheRenderer {
    private typealias Node = MustacheTemplate.Node

    let templates: [String: MustacheTemplate]

    /// Fills a template; an unknown name gives nothing (the library checks names before
    /// anything renders).
    /// - Returns: UTF-8 bytes, as they are written.
    func render(_ name: String, _ context: TemplateObject) -> [UInt8] {
        var output = MustacheOutput(drain: nil)
        output.bytes.reserveCapacity(16 * 1024)
        render(name, context, into: &output)
        return output.bytes
    }

    /// Fills a template and hands its bytes to `drain` a megabyte or so at a time, so a
    /// page as big as the whole site is never held whole.
    func render(_ name: String, _ context: TemplateObject, drain: @escaping (UnsafeRawBufferPointer) -> Void) {
        var output = MustacheOutput(drain: drain)
        render(name, context, into: &output)
        output.drainAll()
    }

    private func render(_ name: String, _ context: TemplateObject, into output: inout MustacheOutput) {
        guard let template = templates[name] else { return }
        var stack: [TemplateValue] = [.object(context)]
        render(template.nodes, stack: &stack, blocks: [:], escapes: true, into: &output)
    }

    /// Sections, partials and blocks start with the escaping in force where they appear;
    /// a pragma changes it for the rest of its own list of nodes.
    private func render(_ nodes: [Node], stack: inout [TemplateValue], blocks: [String: [Node]], escapes: Bool,
                        into output: inout MustacheOutput) {
        var escapes = escapes
        for node in nodes {
            switch node {
            case .text(let bytes):
                output.bytes += bytes
            case .variable(let path, let escaped):
                guard let value = Self.lookup(path, in: stack) else { continue }
                switch value {
                case .text(let text):
                    if escaped && escapes { HTMLEscaping.append(text, to: &output.bytes) } else { output.append(text) }
                case .deferredHTML(let html):
                    if escaped && escapes { HTMLEscaping.append(html.text, to: &output.bytes) } else { html.append(to: &output.bytes) }
                case .number(let number): output.bytes += String(number).utf8
                case .bool(let bool): output.bytes += (bool ? "true" : "false").utf8
                case .list, .object: break
                }
            case .section(let path, let inverted, let children):
                let value = Self.lookup(path, in: stack)
                if inverted {
                    if !(value?.isTruthy ?? false) { render(children, stack: &stack, blocks: blocks, escapes: escapes, into: &output) }
                    continue
                }
                switch value {
                case nil, .bool(false)?:
                    break
                case .bool(true)?:
                    render(children, stack: &stack, blocks: blocks, escapes: escapes, into: &output)
                case .list(let items)?:
                    for item in items {
                        render(children, pushing: item, stack: &stack, blocks: blocks, escapes: escapes, into: &output)
                    }
                case let value?:
                    render(children, pushing: value, stack: &stack, blocks: blocks, escapes: escapes, into: &output)
                }
            case .partial(let name, let indentation):
                guard let partial = templates[name] else { continue }
                if indentation.isEmpty {
                    render(partial.nodes, stack: &stack, blocks: blocks, escapes: escapes, into: &output)
                } else {
                    // Indented whole, so never drained halfway.
                    var indented = MustacheOutput(drain: nil)
                    render(partial.nodes, stack: &stack, blocks: blocks, escapes: escapes, into: &indented)
                    Self.append(indented.bytes, indentedBy: indentation, to: &output.bytes)
                }
            case .parent(let name, let overrides):
                guard let parent = templates[name] else { continue }
                // The outermost template's blocks win: they were given first.
                let merged = overrides.merging(blocks) { _, outer in outer }
                render(parent.nodes, stack: &stack, blocks: merged, escapes: escapes, into: &output)
            case .block(let name, let defaults):
                render(blocks[name] ?? defaults, stack: &stack, blocks: blocks, escapes: escapes, into: &output)
            case .escaping(let on):
                escapes = on
            }
            output.drainIfFull()
        }
    }

    private func render(_ nodes: [Node], pushing value: TemplateValue, stack: inout [TemplateValue], blocks: [String: [Node]],
                        escapes: Bool, into output: inout MustacheOutput) {
        stack.append(value)
        render(nodes, stack: &stack, blocks: blocks, escapes: escapes, into: &output)
        stack.removeLast()
    }

    /// The value of a name: its first part is looked up from the innermost context out,
    /// the rest inside what that finds.
    private static func lookup(_ path: [TemplateName], in stack: [TemplateValue]) -> TemplateValue? {
        guard let first = path.first else { return stack.last }
        // By index: iterating `stack.reversed()` copied (retained and released) every level.
        var level = stack.count
        while level > 0 {
            level -= 1
            guard case .object(let object) = stack[level], var value = object[first] else { continue }
            for key in path.dropFirst() {
                guard case .object(let inner) = value, let next = inner[key] else { return nil }
                value = next
            }
            return value
        }
        return nil
    }

    /// A standalone partial's output with its tag's indentation before every line.
    private static func append(_ lines: [UInt8], indentedBy indentation: [UInt8], to output: inout [UInt8]) {
        var atLineStart = true
        for byte in lines {
            if atLineStart { output += indentation }
            output.append(byte)
            atLineStart = byte == 0x0A
        }
    }
}
