
/// A parsed Mustache template: text and tags as a tree, ready to fill many times.
///
/// The handbook's own engine, for speed (it fills every page of the site) and for errors
/// with positions. It follows the Mustache spec (every case of its modules but lambdas passes,
/// `Tests/MustacheTests/SpecTests.swift`): variables (`{{x}}` escaped, `{{{x}}}` and `{{&x}}`
/// not), dotted names and `{{.}}`, sections and inverted sections, comments, changed
/// delimiters (`{{=<% %>=}}`), partials (`{{> name}}`, indented when standalone, recursive
/// where the data ends it, `{{>*name}}` naming one by a value), parents with blocks
/// (`{{<layout}}{{$main}}…{{/main}}{{/layout}}`), standalone lines, and the
/// `{{% CONTENT_TYPE: TEXT}}` pragma that turns escaping off. Not supported: lambdas, as the
/// data holds no code.
package struct MustacheTemplate: Sendable {
    package indirect enum Node: Sendable {
        case text([UInt8])
        /// The whitespace a line starts with, apart from its text: a standalone partial adds
        /// its indentation to it and a standalone block takes the block's own off, both while
        /// compiling (``MustacheProgram``).
        case indent([UInt8])
        /// A value by its path (`a.b` is `["a", "b"]`; `.` is `[]`).
        case variable([TemplateName], escaped: Bool)
        case section([TemplateName], inverted: Bool, [Node])
        /// A partial; `indentation` when its tag stands alone on its line: the whitespace
        /// before it, which every line of the partial gets.
        case partial(String, indentation: [UInt8]?)
        /// `{{>*path}}`: the partial the value of `path` names, as it is filled.
        case dynamicPartial([TemplateName], indentation: [UInt8]?)
        case parent(Parent)
        /// A block a child template may replace, with its default content.
        case block(Block)
        /// The `CONTENT_TYPE` pragma: whether the rest of the template escapes HTML.
        case escaping(Bool)
    }

    /// `{{<name}}…{{/name}}`: another template filled with these blocks in place of its own.
    package struct Parent: Sendable {
        package var name: String
        /// Which parent tag of its template this is, so compiling can tell the same blocks
        /// from others of the same name.
        package var id: Int
        /// As for ``Node/partial(_:indentation:)``.
        package var indentation: [UInt8]?
        package var blocks: [String: Block]
    }

    /// `{{$name}}…{{/name}}`, where a parent's block goes, or a child's block for it.
    package struct Block: Sendable {
        package var name: String
        package var nodes: [Node]
        /// Whether its opening tag stands alone on its line (or beside its closing tag or
        /// its parent's tag): then its lines lose their common indentation, ``margin``, and
        /// where it is filled they get the indentation of that place instead.
        package var standalone: Bool
        /// The whitespace before the opening tag on its line.
        package var before: [UInt8]
        /// The indentation every line inside has, nil with no lines.
        package var margin: [UInt8]?
    }

    /// A partial or parent named by a tag.
    package struct Reference: Equatable {
        package var name: String
        package var line: Int
        package var column: Int
    }

    package var nodes: [Node]
    /// Every partial and parent tag, so a missing template is reported where it's named.
    /// (`{{>*name}}` names none until it is filled.)
    package var references: [Reference]

    /// A problem in the template text, at the line and column where it is.
    package struct SyntaxError: Error, Equatable {
        package var line: Int
        package var column: Int
        package var message: String
    }

    /// Parses template text.
    /// - Throws: ``SyntaxError`` for the first problem found.
    package init(_ text: String) throws {
        let tokens = try MustacheLexer.tokens(Array(text.utf8))
        var builder = MustacheTreeBuilder()
        for token in MustacheLines.standalone(tokens) {
            try builder.add(token)
        }
        (nodes, references) = try builder.finish()
    }
}
