import Mustache

/// The compiled templates, checked before anything is rendered: syntax errors, missing
/// templates and missing partials are all reported with their file and line.
/// swift-mustache renders a missing partial as nothing, silently; we don't.
public struct TemplateLibrary: Sendable {
    let library: MustacheLibrary

    /// The page kinds the site needs, each a top-level `Templates/<name>.mustache`.
    static let required = ["layout", "index", "section", "page", "exercise", "exercises", "404", "robots.txt", "sitemap.xml",
                           "print", "plan", "search-index.js"]

    /// Compiles every template and partial.
    /// - Parameter sources: The loaded template files.
    /// - Returns: The library, or nil with every problem found.
    public static func compile(_ sources: TemplateSources) -> (TemplateLibrary?, [Diagnostic]) {
        var library = MustacheLibrary()
        var diagnostics: [Diagnostic] = []
        let all = sources.templates + sources.partials
        var names: [String: String] = [:]
        for source in all {
            if let other = names[source.name] {
                diagnostics.append(Diagnostic(file: source.file, rule: .template,
                                              message: Message.templateSyntax("`\(source.name)` is defined twice (also in \(other))")))
                continue
            }
            names[source.name] = source.file
            do {
                try library.register(source.text, named: source.name)
            } catch let error as MustacheTemplate.ParserError {
                diagnostics.append(Diagnostic(
                    file: source.file, line: error.context.lineNumber, column: error.context.columnNumber,
                    rule: .template, message: Message.templateSyntax(Self.describe(error.error))))
            } catch {
                diagnostics.append(Diagnostic(file: source.file, rule: .template, message: Message.templateSyntax("\(error)")))
            }
        }
        for name in required where names[name] == nil {
            diagnostics.append(Diagnostic(file: joinPath(sources.folder, "\(name).mustache"), rule: .template, message: Message.missingTemplate(name)))
        }
        for source in all {
            for reference in PartialReference.scan(source.text) where names[reference.name] == nil {
                diagnostics.append(Diagnostic(file: source.file, line: reference.line, column: reference.column,
                                              rule: .template, message: Message.missingPartial(reference.name)))
            }
        }
        return diagnostics.hasErrors ? (nil, diagnostics) : (TemplateLibrary(library: library), diagnostics)
    }

    /// Plain words for swift-mustache's parser errors.
    static func describe(_ error: Error) -> String {
        guard let error = error as? MustacheTemplate.Error else { return "\(error)" }
        switch error {
        case .sectionCloseNameIncorrect: return "this closing tag does not match the section it closes"
        case .unfinishedName: return "a tag is not closed with `}}`"
        case .expectedSectionEnd: return "a section is opened but never closed"
        case .invalidSetDelimiter: return "the set-delimiter tag is malformed"
        case .transformAppliedToInheritanceSection: return "a transform cannot apply to an inherited section"
        case .illegalTokenInsideInheritSection: return "only block overrides may appear inside `{{<parent}}`"
        case .textInsideInheritSection: return "text inside `{{<parent}}` must be inside a block override"
        case .invalidConfigVariableSyntax: return "the `{{% ... }}` pragma is malformed"
        case .unrecognisedConfigVariable: return "unknown `{{% ... }}` pragma"
        @unknown default: return "\(error)"
        }
    }

    /// Renders a named template with a dictionary context.
    func render(_ name: String, _ context: [String: Any]) -> String {
        library.render(context, withTemplate: name) ?? ""
    }
}

/// A `{{> name}}` or `{{< name}}` tag found in template text, by position.
struct PartialReference: Equatable {
    var name: String
    var line: Int
    var column: Int

    /// Finds partial and parent tags. Scans template syntax (not HTML), with the default
    /// `{{ }}` delimiters that all our templates use.
    static func scan(_ text: String) -> [PartialReference] {
        var found: [PartialReference] = []
        for (lineIndex, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            var rest = line[...]
            while let open = rest.range(of: "{{") {
                let afterOpen = rest[open.upperBound...]
                guard let close = afterOpen.range(of: "}}") else { break }
                let tag = afterOpen[..<close.lowerBound]
                if let sigil = tag.first, sigil == ">" || sigil == "<" {
                    let name = tag.dropFirst().trimmingCharacters(in: " \t")
                    let column = line.distance(from: line.startIndex, to: open.lowerBound) + 1
                    found.append(PartialReference(name: name, line: lineIndex + 1, column: column))
                }
                rest = afterOpen[close.upperBound...]
            }
        }
        return found
    }
}

extension Substring {
    fileprivate func trimmingCharacters(in set: String) -> String {
        String(drop { set.contains($0) }.reversed().drop { set.contains($0) }.reversed())
    }
}
