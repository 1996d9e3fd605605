import HandbookCore

/// A top-level template compiled for filling: its partials, parents and blocks resolved once,
/// as one flat list of steps whose operands are offsets into shared tables.
///
/// Filling walks the tree of every page of the site. As a tree of nodes holding arrays and
/// strings, each node visited cost reference counting, each partial a dictionary lookup and
/// each parent a merged dictionary of blocks; steps hold only integers, so reading one costs
/// nothing beyond the read.
package struct MustacheProgram: Sendable {
    package enum Step: Sendable, Equatable {
        /// `count` bytes of ``text`` from `start`.
        case text(start: Int, count: Int)
        /// The value of the path `count` names of ``names`` from `start` long (none for `.`).
        case variable(start: Int, count: Int, escaped: Bool)
        /// The steps up to `end` as a section over the value of a path, as in ``variable(start:count:escaped:)``.
        case section(start: Int, count: Int, inverted: Bool, end: Int)
        /// The steps up to `end`, a partial, parent or block: a pragma inside ends with them.
        case group(end: Int)
        /// The steps up to `end`, a standalone partial, with `count` bytes of ``text`` from
        /// `start` before each of their lines.
        case indented(start: Int, count: Int, end: Int)
        /// The `CONTENT_TYPE` pragma: whether the rest of the enclosing steps escape HTML.
        case escaping(Bool)
    }

    private(set) var steps: [Step] = []
    /// Every text and indentation, end to end.
    private(set) var text: [UInt8] = []
    /// Every variable's and section's name parts, end to end.
    private(set) var names: [TemplateName] = []

    /// Compiles a template with the templates its partials and parents name; a name that is
    /// not among them gives nothing, as ``TemplateLibrary`` reports it before anything is filled.
    package init(_ template: MustacheTemplate, templates: [String: MustacheTemplate]) {
        add(template.nodes, blocks: [:], templates: templates)
    }

    private mutating func add(_ nodes: [MustacheTemplate.Node], blocks: [String: [MustacheTemplate.Node]],
                              templates: [String: MustacheTemplate]) {
        for node in nodes {
            switch node {
            case .text(let bytes):
                steps.append(.text(start: text.count, count: bytes.count))
                text += bytes
            case .variable(let path, let escaped):
                steps.append(.variable(start: names.count, count: path.count, escaped: escaped))
                names += path
            case .section(let path, let inverted, let children):
                let start = names.count
                names += path
                enclose(children, blocks: blocks, templates: templates) {
                    .section(start: start, count: path.count, inverted: inverted, end: $0)
                }
            case .partial(let name, let indentation):
                guard let partial = templates[name] else { continue }
                let start = text.count
                text += indentation
                enclose(partial.nodes, blocks: blocks, templates: templates) {
                    indentation.isEmpty ? .group(end: $0) : .indented(start: start, count: indentation.count, end: $0)
                }
            case .parent(let name, let overrides):
                guard let parent = templates[name] else { continue }
                // The outermost template's blocks win: they were given first.
                enclose(parent.nodes, blocks: overrides.merging(blocks) { _, outer in outer }, templates: templates) { .group(end: $0) }
            case .block(let name, let defaults):
                enclose(blocks[name] ?? defaults, blocks: blocks, templates: templates) { .group(end: $0) }
            case .escaping(let on):
                steps.append(.escaping(on))
            }
        }
    }

    /// Adds a step that holds the steps of `nodes`, made by `step` once their end is known.
    private mutating func enclose(_ nodes: [MustacheTemplate.Node], blocks: [String: [MustacheTemplate.Node]],
                                  templates: [String: MustacheTemplate], _ step: (Int) -> Step) {
        let at = steps.count
        steps.append(.group(end: at))
        add(nodes, blocks: blocks, templates: templates)
        steps[at] = step(steps.count)
    }
}
