import Testing
@testable import HandbookKit
@testable import Loading
@testable import Rendering
@testable import Templating

@Suite struct TemplateLibraryTests {
    func sources(_ templates: [String: String], partials: [String: String] = [:]) -> TemplateSources {
        let required = Dictionary(uniqueKeysWithValues: TemplateLibrary.required.map { ($0, "ok") })
        return TemplateSources(
            folder: "Templates",
            templates: required.merging(templates) { $1 }.sorted { $0.key < $1.key }
                .map { .init(name: $0.key, file: "Templates/\($0.key).mustache", text: $0.value) },
            partials: partials.sorted { $0.key < $1.key }
                .map { .init(name: $0.key, file: "Templates/partials/\($0.key).mustache", text: $0.value) },
            assets: [])
    }

    @Test func aMissingPartialIsAnErrorAtItsTag() {
        let (library, problems) = TemplateLibrary.compile(sources(["page": "<p>\n  {{> footer}} {{>nav }}\n"], partials: ["nav": "x"]))
        #expect(library == nil)
        #expect(problems.map(\.description) == [
            "Templates/page.mustache:2:3: error: partial `footer` does not exist; add `Templates/partials/footer.mustache` or fix the name [template]",
        ])
    }

    @Test func aMissingTemplateIsNamed() {
        var broken = sources([:])
        broken.templates.removeAll { $0.name == "exercise" }
        let (_, problems) = TemplateLibrary.compile(broken)
        #expect(problems.map(\.message) == ["template `exercise.mustache` is missing from the templates folder"])
    }

    @Test func valuesAreEscapedUnlessTripleBraced() throws {
        let (library, problems) = TemplateLibrary.compile(sources(["page": "{{title}}|{{{content}}}"]))
        #expect(problems.isEmpty)
        let html = String(decoding: try #require(library).render("page", ["title": "<b>&\"'", "content": "<p>ok</p>"]), as: UTF8.self)
        #expect(html == "&lt;b&gt;&amp;&quot;&#39;|<p>ok</p>")
    }

    @Test func projectTemplatesUseTripleBracesOnlyForContent() throws {
        let (sources, _) = try TemplateSources.load(from: Fixture.packageRoot.appendingPathComponent("Templates").path)
        for source in sources.templates + sources.partials {
            var rest = source.text[...]
            while let open = rest.range(of: "{{{") {
                let name = rest[open.upperBound...].prefix { $0 != "}" }
                #expect(name.hasPrefix("content"), "\(source.file) renders `\(name)` unescaped")
                rest = rest[open.upperBound...]
            }
        }
    }

    @Test func aPartialThatIncludesItselfIsAnError() {
        let sources = TemplateSources(
            folder: "Templates",
            templates: TemplateLibrary.required.map { .init(name: $0, file: "Templates/\($0).mustache", text: "{{> a}}") },
            partials: [.init(name: "a", file: "Templates/partials/a.mustache", text: "x\n{{> b}}"),
                       .init(name: "b", file: "Templates/partials/b.mustache", text: "{{> a}}")],
            assets: [])
        let (library, problems) = TemplateLibrary.compile(sources)
        #expect(library == nil)
        #expect(problems.map(\.description) == [
            "Templates/partials/a.mustache:2:1: error: template syntax error: `b` leads back to this template, so filling it would never end [template]",
            "Templates/partials/b.mustache:1:1: error: template syntax error: `a` leads back to this template, so filling it would never end [template]",
        ])
    }
}
