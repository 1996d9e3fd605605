import Testing
@testable import Mustache
import HandbookCore

/// The spec's rules the engine follows since it runs the whole spec (``SpecTests``), for what
/// the spec leaves open: the errors they bring, recursion the data doesn't end, and how a
/// partial used twice compiles.
@Suite struct MustacheSpecRulesTests {
    @Test(arguments: [
        ("{{=<% %>=}}\n<%title", 2, 1, "a tag is not closed with `%>`"),
        ("{{=[ ]=}}\n[#a]\n [/b]", 3, 4, "this closing tag does not match the section it closes"),
        ("x {{= <% =}}", 1, 3, "a delimiter change names two delimiters apart by a space, neither with `=`, as in `{{=<% %>=}}`"),
        ("{{=<%= %>=}}", 1, 1, "a delimiter change names two delimiters apart by a space, neither with `=`, as in `{{=<% %>=}}`"),
        ("{{=<% %>}}", 1, 1, "a tag is not closed with `}}`"),
        ("{{<*layout}}{{/*layout}}", 1, 1, "a parent's name can't come from a value (`{{<*name}}`)"),
        ("{{>*}}", 1, 4, "this tag has no name"),
        ("{{>*a b}}", 1, 4, "`a b` is not a name: use letters, digits, `-`, `_` and `.` between parts"),
    ])
    func syntaxErrorsOfDelimitersAndDynamicNames(_ text: String, _ line: Int, _ column: Int, _ message: String) {
        #expect(syntaxError(text) == .init(line: line, column: column, message: message))
    }

    @Test func delimitersChangeForTheRestOfTheTemplateOnly() throws {
        let partials = ["p": "{{x}}<%x%>"]
        #expect(try render("{{x}}\n{{=<% %>=}}\n<%x%>{{x}}<%> p%>", ["x": "1"], partials: partials) == "1\n1{{x}}1<%x%>")
        #expect(try render("{{=| |=}}|{x}| |&x|", ["x": "<"]) == "< <", "braces and `&` work with any delimiters")
    }

    /// The spec ignores text inside a parent, so the handbook no longer reports it.
    @Test func textInsideAParentIsIgnored() throws {
        let partials = ["layout": "<main>{{$main}}none{{/main}}</main>"]
        #expect(try render("{{<layout}}\nstray\n{{$main}}kept{{/main}} more {{/layout}}", partials: partials) == "<main>kept</main>")
    }

    @Test func aPartialMayIncludeItselfWhereTheDataEndsIt() throws {
        let node = "{{name}}\n{{#kids}}\n  {{> node}}\n{{/kids}}\n"
        let tree: TemplateObject = ["name": "a", "kids": [["name": "b", "kids": [["name": "c", "kids": []]]]]]
        // Each level is indented once more, as the spec's indentation of a standalone partial gives.
        #expect(try render("{{> node}}", tree, partials: ["node": node]) == "a\n  b\n    c\n")
        #expect(try render("<{{> inline}}>", tree, partials: ["inline": "{{name}}{{#kids}}({{> inline}}){{/kids}}"]) == "<a(b(c))>")
    }

    /// Only the data can end a recursion; a template that includes itself whatever the data
    /// stops after a hundred calls rather than running out of stack.
    @Test func aTemplateThatAlwaysIncludesItselfStops() throws {
        #expect(try render("{{> again}}", partials: ["again": "x{{> again}}"]) == String(repeating: "x", count: 101))
        #expect(try render("{{> a}}", ["yes": true], partials: ["a": "{{#yes}}a{{> b}}{{/yes}}", "b": "b{{> a}}"])
            == String(repeating: "ab", count: 101))
    }

    @Test func aPartialUsedAgainIsCalledNotCompiledAgain() throws {
        let templates = ["main": try MustacheTemplate("{{> p}}{{#s}}{{> p}}{{/s}}\n  {{> p}}\n"), "p": try MustacheTemplate("x")]
        let program = MustacheProgram(templates["main"]!, templates: templates)
        #expect(program.steps == [
            .group(end: 2),
            .text(start: 0, count: 1),
            .section(start: 0, count: 1, inverted: false, end: 4),
            .call(start: 1, end: 2),
            .text(start: 1, count: 1),
            // Indented, it is another inclusion: its lines start with the indentation.
            .group(end: 7),
            .text(start: 2, count: 3),
        ])
        #expect(program.text == Array("x\n  x".utf8))
    }

    @Test func aValueNamesADynamicPartialWhenFilledSoNoneIsReferenced() throws {
        #expect(try MustacheTemplate("{{>*kind}}").references.isEmpty)
        let partials = ["warning": "! {{text}}", "note": "i {{text}}"]
        #expect(try render("{{#items}}{{>*kind}};{{/items}}", ["items": [["kind": "warning", "text": "hot"], ["kind": "note", "text": "ok"],
                                                                         ["kind": "missing"]]], partials: partials) == "! hot;i ok;;")
    }

    /// A block's lines lose the indentation they share, and take that of the place they fill.
    @Test func standaloneBlocksAreReindentedWherePlaced() throws {
        let child = "{{<layout}}\n{{$items}}\n        <li>a</li>\n          <li>b</li>\n{{/items}}\n{{/layout}}\n"
        let standalone = ["layout": "<ul>\n  {{$items}}\n  {{/items}}\n</ul>\n"]
        #expect(try render(child, partials: standalone) == "<ul>\n  <li>a</li>\n    <li>b</li>\n</ul>\n")
        // A place whose tags share a line keeps its line end, as what fills it may be empty.
        let paired = ["layout": "<ul>\n  {{$items}}{{/items}}\n</ul>\n"]
        #expect(try render(child, partials: paired) == "<ul>\n  <li>a</li>\n    <li>b</li>\n\n</ul>\n")
        #expect(try render("{{<layout}}{{/layout}}", partials: paired) == "<ul>\n\n</ul>\n")
    }
}
