import HandbookCore

/// A parsed Mustache template: text and tags as a tree, ready to fill many times.
///
/// The handbook's own engine, for speed (it fills every page of the site) and for errors
/// with positions. It follows the Mustache spec for what the templates use: variables
/// (`{{x}}` escaped, `{{{x}}}` and `{{&x}}` not), dotted names and `{{.}}`, sections and
/// inverted sections, comments, partials (`{{> name}}`, indented when standalone), parents
/// with blocks (`{{<layout}}{{$main}}…{{/main}}{{/layout}}`), standalone lines, and the
/// `{{% CONTENT_TYPE: TEXT}}` pragma that turns escaping off. Not supported, and reported
/// as errors: changing delimiters, lambdas and dynamic partial names.
package struct MustacheTemplate: Sendable {
    package indirect enum Node: Sendable {
        case text([UInt8])
        /// A value by its path (`a.b` is `["a", "b"]`; `.` is `[]`).
        case variable([TemplateName], escaped: Bool)
        case section([TemplateName], inverted: Bool, [Node])
        case partial(String, indentation: [UInt8])
        case parent(String, blocks: [String: [Node]])
        /// A block a child template may replace, with its default content.
        case block(String, [Node])
        /// The `CONTENT_TYPE` pragma: whether the rest of the template escapes HTML.
        case escaping(Bool)
    }

    /// A partial or parent named by a tag.
    package struct Reference: Equatable {
        package var name: String
        package var line: Int
        package var column: Int
    }

    package var nodes: [Node]
    /// Every partial and parent tag, so a missing template is reported where it's named.
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
        for token in MustacheLexer.removingStandaloneLines(tokens) {
            try builder.add(token)
        }
        (nodes, references) = try builder.finish()
    }
}
