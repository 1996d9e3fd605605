import Testing
@testable import Mustache
import HandbookCore

/// `main` filled with `context`, with `partials` beside it.
func render(_ text: String, _ context: TemplateObject = [:], partials: [String: String] = [:]) throws -> String {
    var templates = ["main": try MustacheTemplate(text)]
    for (name, partial) in partials { templates[name] = try MustacheTemplate(partial) }
    return String(decoding: MustacheRenderer(templates: templates).render("main", context), as: UTF8.self)
}

/// The syntax error compiling `text` gives, if any.
func syntaxError(_ text: String) -> MustacheTemplate.SyntaxError? {
    do {
        _ = try MustacheTemplate(text)
        return nil
    } catch {
        return error as? MustacheTemplate.SyntaxError
    }
}
