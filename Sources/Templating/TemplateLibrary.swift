import HandbookCore
import Loading
import Mustache
import Rendering

/// The compiled templates, checked before anything is rendered: syntax errors, missing
/// templates, missing partials and partials that include themselves are all reported with
/// their file and line.
public struct TemplateLibrary: Sendable {
    package let renderer: MustacheRenderer

    /// The page kinds the site needs, each a top-level `Templates/<name>.mustache`.
    package static let required = ["layout", "index", "section", "page", "exercise", "exercises", "404", "robots.txt", "sitemap.xml",
                           "print", "plan", "search-index.js"]

    /// Compiles every template and partial.
    /// - Parameter sources: The loaded template files.
    /// - Returns: The library, or nil with every problem found.
    public static func compile(_ sources: TemplateSources) -> (TemplateLibrary?, [Diagnostic]) {
        var templates: [String: MustacheTemplate] = [:]
        var diagnostics: [Diagnostic] = []
        var files: [String: String] = [:]
        for source in sources.templates + sources.partials {
            if let other = files[source.name] {
                diagnostics.append(Diagnostic(file: source.file, rule: .template,
                                              message: Message.templateSyntax("`\(source.name)` is defined twice (also in \(other))")))
                continue
            }
            files[source.name] = source.file
            do {
                templates[source.name] = try MustacheTemplate(source.text)
            } catch let error as MustacheTemplate.SyntaxError {
                diagnostics.append(Diagnostic(file: source.file, line: error.line, column: error.column, rule: .template,
                                              message: Message.templateSyntax(error.message)))
            } catch {
                diagnostics.append(Diagnostic(file: source.file, rule: .template, message: Message.templateSyntax("\(error)")))
            }
        }
        for name in required where files[name] == nil {
            diagnostics.append(Diagnostic(file: joinPath(sources.folder, "\(name).mustache"), rule: .template, message: Message.missingTemplate(name)))
        }
        for (name, template) in templates.sorted(by: { $0.key < $1.key }) {
            for reference in template.references where files[reference.name] == nil {
                diagnostics.append(Diagnostic(file: files[name]!, line: reference.line, column: reference.column,
                                              rule: .template, message: Message.missingPartial(reference.name)))
            }
        }
        diagnostics += includeCycles(templates, files: files)
        return diagnostics.hasErrors ? (nil, diagnostics) : (TemplateLibrary(renderer: MustacheRenderer(templates: templates)), diagnostics)
    }

    /// A partial that includes itself, directly or through others, would never finish.
    private static func includeCycles(_ templates: [String: MustacheTemplate], files: [String: String]) -> [Diagnostic] {
        templates.sorted { $0.key < $1.key }.flatMap { name, template in
            template.references.filter { included(from: $0.name, in: templates).contains(name) }.map { reference in
                Diagnostic(file: files[name]!, line: reference.line, column: reference.column, rule: .template,
                           message: Message.templateSyntax("`\(reference.name)` leads back to this template, so filling it would never end"))
            }
        }
    }

    /// A template and every partial and parent it uses, at any depth.
    package static func included(from name: String, in templates: [String: MustacheTemplate]) -> Set<String> {
        var seen: Set<String> = []
        var queue = [name]
        while let next = queue.popLast() {
            guard seen.insert(next).inserted else { continue }
            queue += templates[next]?.references.map(\.name) ?? []
        }
        return seen
    }

    /// The templates a top-level template uses, itself included.
    package func included(from name: String) -> Set<String> {
        Self.included(from: name, in: renderer.templates)
    }

    /// Renders a named template with a context, into UTF-8 bytes.
    package func render(_ name: String, _ context: TemplateObject) -> [UInt8] {
        renderer.render(name, context)
    }

    /// Renders a named template with a context, handing its bytes to `drain` a piece at a time.
    package func render(_ name: String, _ context: TemplateObject, drain: @escaping (UnsafeRawBufferPointer) -> Void) {
        renderer.render(name, context, drain: drain)
    }
}
