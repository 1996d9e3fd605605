import Testing
@testable import Mustache
import HandbookCore

/// The template engine, against the Mustache spec's rules for what the templates use.
@Suite struct MustacheTests {
    @Test func variablesAreEscapedUnlessTripleBracedOrAmpersand() throws {
        let context: TemplateObject = ["x": "<a href=\"'\">&</a>"]
        #expect(try render("{{x}}|{{{x}}}|{{& x }}", context)
            == "&lt;a href=&quot;&#39;&quot;&gt;&amp;&lt;/a&gt;|<a href=\"'\">&</a>|<a href=\"'\">&</a>")
    }

    /// Text is passed over eight bytes at a time; a special character escapes wherever it
    /// falls against those eight bytes, and so do several in a row.
    @Test func escapingFindsSpecialCharactersAtEveryPosition() {
        let plain = "abcdefghijklmnopq"
        for special in ["&", "<", ">", "\"", "'", "<>&"] {
            for position in 0...plain.count {
                let text = String(plain.prefix(position)) + special + String(plain.dropFirst(position))
                let expected = text.map { character in
                    ["&": "&amp;", "<": "&lt;", ">": "&gt;", "\"": "&quot;", "'": "&#39;"][character] ?? String(character)
                }.joined()
                #expect(HTMLEscaping.escaped(text) == expected, "\(text)")
            }
        }
    }

    @Test func lazyListsAndDeferredTextShowAsListsAndTextDo() throws {
        let items = LazyList(count: 3) { index in ["name": .text("<\(index)>")] }
        let deferred = DeferredText { $0.bytes += "<b>&</b>".utf8 }
        let context: TemplateObject = ["items": .lazyList(items), "none": .lazyList(LazyList(count: 0) { _ in [:] }),
                                       "html": .deferred(deferred)]
        #expect(try render("{{#items}}{{name}},{{/items}}{{^none}}none{{/none}}{{#none}}x{{/none}}", context)
            == "&lt;0&gt;,&lt;1&gt;,&lt;2&gt;,none")
        #expect(try render("{{{html}}} {{html}}", context) == "<b>&</b> &lt;b&gt;&amp;&lt;/b&gt;")
        #expect(TemplateValue.lazyList(items) == .lazyList(LazyList(count: 3) { ["name": .text("<\($0)>")] }))
        #expect(TemplateValue.lazyList(items) != .lazyList(LazyList(count: 3) { _ in ["name": "same"] }))
    }

    @Test func missingNamesRenderNothingAndNumbersAndBooleansShow() throws {
        #expect(try render("[{{missing}}] {{n}} {{yes}}", ["n": 42, "yes": true]) == "[] 42 true")
    }

    @Test func sectionsFollowTheirValue() throws {
        let context: TemplateObject = [
            "yes": true, "no": false, "empty": [], "list": ["a", "b"], "text": "", "zero": 0,
            "object": ["name": "inner"], "name": "outer",
        ]
        #expect(try render("{{#yes}}Y{{/yes}}{{#no}}N{{/no}}{{#empty}}E{{/empty}}{{#missing}}M{{/missing}}", context) == "Y")
        #expect(try render("{{^yes}}Y{{/yes}}{{^no}}N{{/no}}{{^empty}}E{{/empty}}{{^missing}}M{{/missing}}", context) == "NEM")
        #expect(try render("{{#list}}<{{.}}>{{/list}}", context) == "<a><b>")
        #expect(try render("{{#object}}{{name}}{{/object}} {{name}}", context) == "inner outer")
        #expect(try render("{{#text}}T{{/text}}{{#zero}}{{.}}{{/zero}}", context) == "T0", "text and numbers always show")
    }

    @Test func namesAreLookedUpFromTheInnermostContextOut() throws {
        let context: TemplateObject = ["title": "site", "items": [["title": "one"], ["href": "two"]], "a": ["b": ["c": "deep"]]]
        #expect(try render("{{#items}}{{title}}/{{href}} {{/items}}", context) == "one/ site/two ")
        #expect(try render("{{a.b.c}}|{{a.x.c}}|{{#a}}{{b.c}}{{/a}}", context) == "deep||deep")
    }

    @Test func standaloneLinesLeaveNoTrace() throws {
        let template = """
        <ul>
          {{#items}}
        <li>{{.}}</li>
          {{/items}}
        {{! a comment }}
        </ul>
        {{#items}}{{.}}{{/items}}
        end
        """
        #expect(try render(template, ["items": ["a", "b"]]) == "<ul>\n<li>a</li>\n<li>b</li>\n</ul>\nab\nend")
        #expect(try render("a\r\n  {{#x}}\r\nb\r\n{{/x}}  \r\nc", ["x": true]) == "a\r\nb\r\nc")
        #expect(try render("  {{#x}} text {{/x}}\n", ["x": true]) == "   text \n", "a line with text is not standalone")
    }

    @Test func partialsRenderInTheCurrentContextAndIndentWhenStandalone() throws {
        let partials = ["item": "<b>{{name}}</b>\n<i>more</i>\n"]
        #expect(try render("{{#people}}{{> item}}{{/people}}", ["people": [["name": "Ann"]]], partials: partials)
            == "<b>Ann</b>\n<i>more</i>\n")
        #expect(try render("<div>\n  {{> item}}\n</div>", ["name": "Bo"], partials: partials)
            == "<div>\n  <b>Bo</b>\n  <i>more</i>\n</div>")
    }

    @Test func parentsFillTheirBlocksWithTheChildsOverridesOrTheirDefaults() throws {
        let partials = ["layout": "<title>{{$title}}Default{{/title}}</title>\n<main>\n{{$main}}{{/main}}\n</main>"]
        let child = """
        {{<layout}}
        {{$main}}
        <p>{{text}}</p>
        {{/main}}
        {{/layout}}
        """
        #expect(try render(child, ["text": "hi"], partials: partials) == "<title>Default</title>\n<main>\n<p>hi</p>\n\n</main>")
    }

    @Test func theTextPragmaTurnsEscapingOffForTheRestOfTheTemplate() throws {
        #expect(try render("{{x}}\n{{% CONTENT_TYPE: TEXT}}\n{{x}}", ["x": "a&b"]) == "a&amp;b\na&b")
        #expect(try render("{{% CONTENT_TYPE: TEXT}}{{> p}}", ["x": "<"], partials: ["p": "{{x}}"]) == "<", "partials inherit it")
        #expect(try render("{{> p}}{{x}}", ["x": "<"], partials: ["p": "{{% CONTENT_TYPE: TEXT}}{{x}}"]) == "<&lt;",
                "a pragma in a partial ends with it")
        #expect(try render("{{#s}}{{% CONTENT_TYPE: TEXT}}{{x}}{{/s}}{{x}}", ["s": true, "x": "<"]) == "<&lt;",
                "a pragma in a section ends with it")
    }

    @Test func theOutermostTemplatesBlocksWinAndReachIntoPartials() throws {
        let partials = [
            "base": "[{{$a}}base{{/a}}|{{> inner}}]",
            "inner": "{{$b}}inner{{/b}}",
            "middle": "{{<base}}{{$a}}middle{{/a}}{{$b}}middle b{{/b}}{{/base}}",
        ]
        #expect(try render("{{<middle}}{{$a}}main{{/a}}{{/middle}}", partials: partials) == "[main|middle b]")
        #expect(try render("{{<middle}}{{/middle}}", partials: partials) == "[middle|middle b]")
        #expect(try render("{{<base}}{{/base}}", partials: partials) == "[base|inner]")
    }

    @Test func programsInlinePartialsAndParentsAsGroupsOfSteps() throws {
        let templates = [
            "main": try MustacheTemplate("<{{#s}}{{> p}}{{/s}}{{> missing}}{{a.b}}"),
            "p": try MustacheTemplate("{{.}}!"),
        ]
        let program = MustacheProgram(templates["main"]!, templates: templates)
        #expect(program.steps == [
            .text(start: 0, count: 1),
            .section(start: 0, count: 1, inverted: false, end: 5),
            .group(end: 5),
            .variable(start: 1, count: 0, escaped: true),
            .text(start: 1, count: 1),
            .variable(start: 1, count: 2, escaped: true),
        ])
        #expect(program.text == Array("<!".utf8))
        #expect(program.names.map(\.text) == ["s", "a", "b"])
    }

    @Test(arguments: [
        ("a\n  {{title", 2, 3, "a tag is not closed with `}}`"),
        ("{{#a}}\n{{/b}}", 2, 4, "this closing tag does not match the section it closes"),
        ("x\n{{/a}}", 2, 4, "this closing tag has no section to close"),
        ("x\n {{#items}}\n", 2, 2, "`{{#items}}` is opened but never closed"),
        ("{{<layout}}{{x}}{{/layout}}", 1, 12, "only block overrides `{{$name}}` may appear inside `{{<layout}}`"),
        ("é {{ti tle}}", 1, 5, "`ti tle` is not a name: use letters, digits, `-`, `_` and `.` between parts"),
        ("{{}}", 1, 3, "this tag has no name"),
        ("{{% CONTENT_TYPE: PDF}}", 1, 1, "unknown pragma; the only one is `{{% CONTENT_TYPE: TEXT}}` (or `HTML`)"),
    ])
    func syntaxErrorsSayWhereAndWhat(_ text: String, _ line: Int, _ column: Int, _ message: String) {
        #expect(syntaxError(text) == .init(line: line, column: column, message: message))
    }

    /// A page drained a piece at a time (print.html, written while it is filled) is the same
    /// bytes as one filled whole, with many small nodes, an indented partial, and a text
    /// bigger than a drain that goes straight from its string.
    @Test func aDrainedPageIsTheSameBytesAsAWholeOne() throws {
        let templates = [
            "main": try MustacheTemplate("{{#items}}<p>{{name}} &amp; {{{raw}}}</p>\n{{/items}}  {{> part}}\n{{{big}}}|{{big}}|end"),
            "part": try MustacheTemplate("a\nb <{{name}}>\n"),
        ]
        let items = (0..<40_000).map { ["name": .text("item <\($0)>"), "raw": .text("<b>\($0)</b>")] as TemplateValue }
        let big = String(repeating: "0123456789<", count: MustacheOutput.drainSize / 5)
        let context: TemplateObject = ["items": .list(items), "name": "x", "big": .text(big)]
        let renderer = MustacheRenderer(templates: templates)
        var drained: [UInt8] = []
        var pieces = 0
        renderer.render("main", context) { bytes in
            drained += bytes
            pieces += 1
        }
        let whole = renderer.render("main", context)
        #expect(whole.count > 3 * MustacheOutput.drainSize)
        #expect(pieces > 2)
        #expect(drained == whole)
    }
}
