
/// Builds a ``MustacheProgram``: inlines each partial, parent and block where it is used, with
/// its lines' indentation settled, so filling only copies.
///
/// A partial compiled once with the same blocks and indentation is called after that rather
/// than inlined again, and one reached inside itself is called too: only the data can end
/// that recursion (a section over a list that ends), so inlining it would never end.
struct MustacheCompiler {
    typealias Node = MustacheTemplate.Node
    typealias Step = MustacheProgram.Step

    private(set) var program = MustacheProgram()
    private let templates: [String: MustacheTemplate]
    /// Each inclusion compiled, by what its steps depend on, and the group that holds them.
    private var compiled: [Inclusion: Int] = [:]
    /// The inclusions being compiled, outermost first, with their groups and indentation.
    private var including: [(recursion: Recursion, group: Int, indentation: [UInt8])] = []
    /// Calls to patch once their groups' ends are known.
    private var calls: [(step: Int, group: Int)] = []
    /// The last step, while it is text that more text may join.
    private var openText: Int?

    init(templates: [String: MustacheTemplate]) {
        self.templates = templates
    }

    mutating func compile(_ template: MustacheTemplate) {
        add(template.nodes, Scope(template: "", reindent: Reindent(), blocks: [:]))
        for (step, group) in calls {
            guard case .group(let end) = program.steps[group] else { continue }
            program.steps[step] = .call(start: group + 1, end: end)
        }
    }

    private mutating func add(_ nodes: [Node], _ scope: Scope) {
        for node in nodes {
            switch node {
            case .text(let bytes):
                addText(bytes)
            case .indent(let whitespace):
                addText(scope.reindent(whitespace))
            case .variable(let path, let escaped):
                append(.variable(start: program.names.count, count: path.count, escaped: escaped))
                program.names += path
            case .section(let path, let inverted, let children):
                let start = program.names.count
                program.names += path
                enclose({ .section(start: start, count: path.count, inverted: inverted, end: $0) }) { $0.add(children, scope) }
            case .partial(let name, let indentation):
                include(name, indentation: indentation.map(scope.reindent.callAsFunction), blocks: scope.blocks)
            case .dynamicPartial(let path, let indentation):
                addDynamic(path, indentation: indentation.map(scope.reindent.callAsFunction), blocks: scope.blocks)
            case .parent(let parent):
                var blocks = scope.blocks
                // The outermost template's blocks win: they were given first.
                for (name, block) in parent.blocks where blocks[name] == nil {
                    let origin = Origin(template: scope.template, parent: parent.id, name: name)
                    blocks[name] = Override(block: block, origin: origin, reindent: scope.reindent)
                }
                include(parent.name, indentation: parent.indentation.map(scope.reindent.callAsFunction), blocks: blocks)
            case .block(let block):
                addBlock(block, scope)
            case .escaping(let on):
                append(.escaping(on))
            }
        }
    }

    /// Adds one step that fills a template: its steps the first time, a call to them after.
    private mutating func include(_ name: String, indentation: [UInt8]?, blocks: [String: Override]) {
        guard let template = templates[name] else { return }
        let reindent = Reindent(add: indentation ?? [])
        let inclusion = Inclusion(template: name, reindent: reindent, blocks: blocks.mapValues(\.key))
        if let group = compiled[inclusion] { return call(group) }
        // Indentation may grow each time round, so it doesn't tell recursion apart.
        let recursion = Recursion(template: name, blocks: Set(blocks.values.map(\.origin)))
        if let outer = including.last(where: { $0.recursion == recursion }) {
            let extra = reindent.add.starts(with: outer.indentation) ? Array(reindent.add.dropFirst(outer.indentation.count)) : reindent.add
            guard !extra.isEmpty else { return call(outer.group) }
            let start = program.text.count
            program.text += extra
            return enclose({ .indented(start: start, count: extra.count, end: $0) }) { $0.call(outer.group) }
        }
        let group = program.steps.count
        including.append((recursion, group, reindent.add))
        enclose({ .group(end: $0) }) { $0.add(template.nodes, Scope(template: name, reindent: reindent, blocks: blocks)) }
        including.removeLast()
        compiled[inclusion] = group
    }

    /// `{{>*name}}`: any template may be named, so each is compiled here, one step apiece.
    private mutating func addDynamic(_ path: [TemplateName], indentation: [UInt8]?, blocks: [String: Override]) {
        let table = program.targets.count
        program.targets.append(.init(end: 0, templates: []))
        append(.dynamic(start: program.names.count, count: path.count, table: table))
        program.names += path
        for name in templates.keys.sorted() {
            let step = program.steps.count
            include(name, indentation: indentation, blocks: blocks)
            program.targets[table].templates.append(.init(name: name, step: step))
        }
        program.targets[table].end = program.steps.count
        openText = nil
    }

    /// A block where a parent puts it: a child's override or its default content. Standalone
    /// content loses its common indentation; a standalone place gives its own instead, that
    /// of its default content or else the whitespace before its tag.
    private mutating func addBlock(_ block: MustacheTemplate.Block, _ scope: Scope) {
        var inner = scope
        var content = Override(block: block, origin: Origin(template: scope.template, parent: -1, name: block.name),
                               reindent: scope.reindent)
        if let override = scope.blocks[block.name] {
            content = override
            // Its own `{{$name}}` inside shows the default: the override again would never end.
            inner.blocks[block.name] = nil
        }
        var place: [UInt8] = []
        if block.standalone {
            place = block.margin.map(scope.reindent.callAsFunction) ?? []
            if place.isEmpty { place = scope.reindent(block.before) }
        }
        inner.reindent = content.block.standalone
            ? Reindent(remove: content.block.margin ?? [], add: place)
            : Reindent(remove: content.reindent.remove, add: place + content.reindent.add)
        inner.template = content.origin.template
        enclose({ .group(end: $0) }) { $0.add(content.block.nodes, inner) }
    }

    private mutating func append(_ step: Step) {
        program.steps.append(step)
        openText = nil
    }

    /// Text beside text, as a line's indentation beside the rest of the line, joins it in one
    /// step: fewer, longer copies when filling.
    private mutating func addText(_ bytes: [UInt8]) {
        guard !bytes.isEmpty else { return }
        if let last = openText, case .text(let start, let count) = program.steps[last], start + count == program.text.count {
            program.steps[last] = .text(start: start, count: count + bytes.count)
        } else {
            append(.text(start: program.text.count, count: bytes.count))
            openText = program.steps.count - 1
        }
        program.text += bytes
    }

    /// Adds a step that holds the steps `body` adds, made by `step` once their end is known.
    private mutating func enclose(_ step: (Int) -> Step, _ body: (inout Self) -> Void) {
        let at = program.steps.count
        append(.group(end: at))
        body(&self)
        program.steps[at] = step(program.steps.count)
        openText = nil
    }

    /// A call to the group at `group`, whose end may not be known yet.
    private mutating func call(_ group: Int) {
        calls.append((program.steps.count, group))
        append(.call(start: group + 1, end: group + 1))
    }
}

extension MustacheCompiler {
    /// How the whitespace a line starts with changes where it is compiled: ``remove`` comes
    /// off its start (as much of it as is there), then ``add`` goes before it.
    struct Reindent: Hashable {
        var remove: [UInt8] = []
        var add: [UInt8] = []

        func callAsFunction(_ whitespace: [UInt8]) -> [UInt8] {
            if remove.isEmpty && add.isEmpty { return whitespace }
            let common = zip(whitespace, remove).prefix { $0 == $1 }.count
            return add + whitespace[common...]
        }
    }

    /// Where nodes being compiled come from: their template (for telling parents apart), how
    /// their lines are indented there, and the blocks a parent given them puts in place.
    struct Scope {
        var template: String
        var reindent: Reindent
        var blocks: [String: Override]
    }

    /// A block a child gives its parent, with where it was given.
    struct Override {
        var block: MustacheTemplate.Block
        var origin: Origin
        var reindent: Reindent
        var key: Key { Key(origin: origin, reindent: reindent) }

        struct Key: Hashable {
            var origin: Origin
            var reindent: Reindent
        }
    }

    /// Which parent tag of which template gave a block.
    struct Origin: Hashable {
        var template: String
        var parent: Int
        var name: String
    }

    /// Everything an inclusion's steps depend on.
    struct Inclusion: Hashable {
        var template: String
        var reindent: Reindent
        var blocks: [String: Override.Key]
    }

    /// What makes an inclusion the same as one it is inside of.
    struct Recursion: Hashable {
        var template: String
        var blocks: Set<Origin>
    }
}
