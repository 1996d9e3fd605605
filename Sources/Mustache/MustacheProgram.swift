
/// A top-level template compiled for filling: its partials, parents and blocks resolved once,
/// as one flat list of steps whose operands are offsets into shared tables.
///
/// Filling walks the tree of every page of the site. As a tree of nodes holding arrays and
/// strings, each node visited cost reference counting, each partial a dictionary lookup and
/// each parent a merged dictionary of blocks; steps hold only integers, so reading one costs
/// nothing beyond the read. Indentation is settled here too (``MustacheCompiler``): a
/// standalone partial's lines are compiled with it, so filling never looks for line ends.
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
        /// The steps from `start` to `end`, a group compiled before: a partial filled again
        /// with the same blocks and indentation, or inside itself where the data ends it.
        case call(start: Int, end: Int)
        /// `{{>*name}}`: of the templates of `targets[table]`, the one the value of the path
        /// (as in ``variable(start:count:escaped:)``) names; their steps follow, to the table's end.
        case dynamic(start: Int, count: Int, table: Int)
        /// The steps up to `end`, with `count` bytes of ``text`` from `start` before each line
        /// they fill: only a partial that includes itself with more indentation each time,
        /// which compiling can't settle. (So there, unlike anywhere else, the lines of a
        /// value with line breaks are indented too.)
        case indented(start: Int, count: Int, end: Int)
        /// The `CONTENT_TYPE` pragma: whether the rest of the enclosing steps escape HTML.
        case escaping(Bool)
    }

    /// The templates a `{{>*name}}` may name, each filled by one step.
    package struct Targets: Sendable, Equatable {
        package struct Target: Sendable, Equatable {
            package var name: String
            package var step: Int
        }

        /// The step after the last target's.
        package var end: Int
        package var templates: [Target]
    }

    package internal(set) var steps: [Step] = []
    /// Every text and indentation, end to end.
    package internal(set) var text: [UInt8] = []
    /// Every variable's and section's name parts, end to end.
    package internal(set) var names: [TemplateName] = []
    /// One table for each `{{>*name}}`, in the order of their steps.
    package internal(set) var targets: [Targets] = []

    init() {}

    /// Compiles a template with the templates its partials and parents name; a name that is
    /// not among them gives nothing, as ``TemplateLibrary`` reports it before anything is filled.
    package init(_ template: MustacheTemplate, templates: [String: MustacheTemplate]) {
        var compiler = MustacheCompiler(templates: templates)
        compiler.compile(template)
        self = compiler.program
    }
}
