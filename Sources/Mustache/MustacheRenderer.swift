import HandbookCore

/// Fills compiled templates with a context, into UTF-8 bytes.
package struct MustacheRenderer {
    package let templates: [String: MustacheTemplate]
    private let programs: [String: MustacheProgram]

    package init(templates: [String: MustacheTemplate]) {
        self.templates = templates
        programs = templates.mapValues { MustacheProgram($0, templates: templates) }
    }

    /// Fills a template; an unknown name gives nothing (the library checks names before
    /// anything renders).
    /// - Returns: UTF-8 bytes, as they are written.
    package func render(_ name: String, _ context: TemplateObject) -> [UInt8] {
        var output = MustacheOutput(drain: nil)
        // Most pages fit, so few are copied as they grow.
        output.bytes.reserveCapacity(32 * 1024)
        render(name, context, into: &output)
        return output.bytes
    }

    /// Fills a template and hands its bytes to `drain` a megabyte or so at a time, so a
    /// page as big as the whole site is never held whole.
    package func render(_ name: String, _ context: TemplateObject, drain: @escaping (UnsafeRawBufferPointer) -> Void) {
        var output = MustacheOutput(drain: drain)
        render(name, context, into: &output)
        output.drainAll()
    }

    /// Fills a template with any value as its context, not only an object: the spec's data
    /// may be a list or text (`{{#.}}…{{/.}}`).
    package func render(_ name: String, root: TemplateValue) -> [UInt8] {
        var output = MustacheOutput(drain: nil)
        render(name, root, into: &output)
        return output.bytes
    }

    private func render(_ name: String, _ context: TemplateObject, into output: inout MustacheOutput) {
        render(name, .object(context), into: &output)
    }

    private func render(_ name: String, _ root: TemplateValue, into output: inout MustacheOutput) {
        guard let program = programs[name] else { return }
        var stack: [TemplateValue] = [root]
        program.steps.withUnsafeBufferPointer { steps in
            program.text.withUnsafeBufferPointer { text in
                program.names.withUnsafeBufferPointer { names in
                    let tables = Tables(steps: steps, text: text, names: names, targets: program.targets)
                    Self.fill(0..<steps.count, tables, stack: &stack, escapes: true, into: &output)
                }
            }
        }
    }

    /// A program's tables, read in place while it fills one page.
    private struct Tables {
        package let steps: UnsafeBufferPointer<MustacheProgram.Step>
        package let text: UnsafeBufferPointer<UInt8>
        package let names: UnsafeBufferPointer<TemplateName>
        package let targets: [MustacheProgram.Targets]
    }

    /// How many calls deep a template may include itself: data deeper than any handbook's
    /// ends well before, and a template that includes itself whatever the data stops here
    /// rather than running out of stack.
    private static let deepestCall = 100

    /// Fills the steps in `range`. Sections and groups start with the escaping in force where
    /// they appear; a pragma changes it for the rest of its own steps.
    private static func fill(_ range: Range<Int>, _ tables: Tables, stack: inout [TemplateValue], escapes: Bool,
                             into output: inout MustacheOutput) {
        var escapes = escapes
        var index = range.lowerBound
        while index < range.upperBound {
            let step = tables.steps[index]
            index += 1
            switch step {
            case .text(let start, let count):
                output.bytes.append(contentsOf: UnsafeBufferPointer(rebasing: tables.text[start..<(start + count)]))
            case .variable(let start, let count, let escaped):
                guard let value = lookup(tables.names[start..<(start + count)], in: stack) else { break }
                switch value {
                case .text(let text):
                    if escaped && escapes { HTMLEscaping.append(text, to: &output.bytes) } else { output.append(text) }
                case .deferred(let text):
                    if escaped && escapes { HTMLEscaping.append(text.text, to: &output.bytes) } else { text.write(into: &output) }
                case .number(let number): output.bytes.appendDecimal(number)
                case .bool(let bool): output.bytes += (bool ? "true" : "false").utf8
                case .list, .lazyList, .object: break
                }
            case .section(let start, let count, let inverted, let end):
                let value = lookup(tables.names[start..<(start + count)], in: stack)
                let children = index..<end
                index = end
                if inverted {
                    if !(value?.isTruthy ?? false) { fill(children, tables, stack: &stack, escapes: escapes, into: &output) }
                    break
                }
                switch value {
                case nil, .bool(false)?:
                    break
                case .bool(true)?:
                    fill(children, tables, stack: &stack, escapes: escapes, into: &output)
                case .list(let items)?:
                    for item in items {
                        fill(children, tables, pushing: item, stack: &stack, escapes: escapes, into: &output)
                    }
                case .lazyList(let list)?:
                    for index in 0..<list.count {
                        fill(children, tables, pushing: list[index], stack: &stack, escapes: escapes, into: &output)
                    }
                case let value?:
                    fill(children, tables, pushing: value, stack: &stack, escapes: escapes, into: &output)
                }
            case .group(let end):
                fill(index..<end, tables, stack: &stack, escapes: escapes, into: &output)
                index = end
            case .call(let start, let end):
                guard output.calls < deepestCall else { break }
                output.calls += 1
                fill(start..<end, tables, stack: &stack, escapes: escapes, into: &output)
                output.calls -= 1
            case .dynamic(let start, let count, let table):
                index = tables.targets[table].end
                fillDynamic(tables.names[start..<(start + count)], tables.targets[table], tables, stack: &stack, escapes: escapes, into: &output)
            case .indented(let start, let count, let end):
                fillIndented(index..<end, by: tables.text[start..<(start + count)], tables, stack: &stack, escapes: escapes, into: &output)
                index = end
            case .escaping(let on):
                escapes = on
            }
            output.drainIfFull()
        }
    }

    private static func fill(_ range: Range<Int>, _ tables: Tables, pushing value: TemplateValue, stack: inout [TemplateValue],
                             escapes: Bool, into output: inout MustacheOutput) {
        stack.append(value)
        fill(range, tables, stack: &stack, escapes: escapes, into: &output)
        stack.removeLast()
    }

    /// Fills the template of `targets` the value of `path` names, if it names one.
    private static func fillDynamic(_ path: Slice<UnsafeBufferPointer<TemplateName>>, _ targets: MustacheProgram.Targets, _ tables: Tables,
                                    stack: inout [TemplateValue], escapes: Bool, into output: inout MustacheOutput) {
        guard case .text(let name)? = lookup(path, in: stack), let target = targets.templates.first(where: { $0.name == name }) else { return }
        fill(target.step..<(target.step + 1), tables, stack: &stack, escapes: escapes, into: &output)
    }

    private static func fillIndented(_ range: Range<Int>, by indentation: Slice<UnsafeBufferPointer<UInt8>>, _ tables: Tables,
                                     stack: inout [TemplateValue], escapes: Bool, into output: inout MustacheOutput) {
        // Indented whole, so never drained halfway.
        var indented = MustacheOutput(drain: nil)
        indented.calls = output.calls
        fill(range, tables, stack: &stack, escapes: escapes, into: &indented)
        append(indented.bytes, indentedBy: UnsafeBufferPointer(rebasing: indentation), to: &output.bytes)
    }

    /// The value of a name: its first part is looked up from the innermost context out,
    /// the rest inside what that finds.
    private static func lookup(_ path: Slice<UnsafeBufferPointer<TemplateName>>, in stack: [TemplateValue]) -> TemplateValue? {
        guard let first = path.first else { return stack.last }
        // By index, each level read in place: iterating `stack.reversed()`, or taking each
        // level's object out of the stack, retained and released it.
        var level = stack.count
        while level > 0 {
            level -= 1
            guard var value = stack[level][first] else { continue }
            for key in path.dropFirst() {
                guard let next = value[key] else { return nil }
                value = next
            }
            return value
        }
        return nil
    }

    /// A recursive partial's output with the indentation it adds before every line.
    private static func append(_ lines: [UInt8], indentedBy indentation: UnsafeBufferPointer<UInt8>, to output: inout [UInt8]) {
        var atLineStart = true
        for byte in lines {
            if atLineStart { output += indentation }
            output.append(byte)
            atLineStart = byte == 0x0A
        }
    }
}
