import CCmark
import Testing
@testable import Markdown

/// Every example of the CommonMark 0.30 spec through the page pipeline's body writer
/// (``RenderedExample``), compared as the spec's runner compares, after ``NormalizedHTML``:
///
/// - an example whose tree holds raw HTML or a URL safe mode drops must give what libcmark's
///   own renderer gives in safe mode, with the pipeline's options: the spec shows the raw
///   HTML, which the handbook never writes (`<!-- raw HTML omitted -->`);
/// - one listed in ``differences`` must differ from the spec for the reason given;
/// - every other must give the spec's HTML.
///
/// Headings differ in every example that has one: the writer gives each an `id` (the
/// slugger's, as on the page), which the comparison leaves out.
///
/// No scheme is dropped here that libcmark keeps: the writer drops just what cmark's safe
/// mode drops (`javascript:`, `vbscript:`, `file:`, `data:` but for images), which no
/// example uses, so all 71 safe-mode examples are raw HTML. `LinkResolver` (Rendering)
/// drops every scheme but http, https, mailto and tel on top, which would empty the links
/// of 595 (`irc:`), 597 (`a+b+c:`), 598 (`made-up-scheme:`) and 600 (`localhost:`); it is
/// above this target, and so are its tests.
@Suite struct CommonMarkSpecTests {
    /// A reason an example's HTML is not the spec's.
    enum Difference {
        /// cmark's smart punctuation, on for readers (`CMARK_OPT_SMART`): straight quotes,
        /// `--`, `---` and `...` in text become curly quotes, dashes and an ellipsis (never
        /// in code). libcmark gives the spec's HTML without the option, and ours with it.
        case smartPunctuation(_ what: String)
    }

    /// The examples that deliberately differ from the spec, by number, with why.
    static let differences: [Int: Difference] = [
        14: .smartPunctuation(#"escaped markup around "not a reference": curly quotes"#),
        46: .smartPunctuation("`--` is too short for a thematic break: an en dash"),
        55: .smartPunctuation("`a------` and `---a---`: em dashes"),
        87: .smartPunctuation("an indented `---` continuing a paragraph: an em dash"),
        91: .smartPunctuation(#"the quotes of `title="a lot` … `of dashes"`"#),
        106: .smartPunctuation(#"`\---`: a hyphen and an en dash"#),
        197: .smartPunctuation("a title broken by a blank line stays text: apostrophes"),
        209: .smartPunctuation(#"`"title" ok`, no reference definition: curly quotes"#),
        210: .smartPunctuation(#"`"title" ok` on the line after a definition: curly quotes"#),
        343: .smartPunctuation(#"the `"` after the code span (the span's own `"` stays)"#),
        352: .smartPunctuation(#"`a*"foo"*`: curly quotes"#),
        358: .smartPunctuation(#"`a_"foo"_`: curly quotes"#),
        362: .smartPunctuation(#"`aa_"bb"_cc`: curly quotes"#),
        379: .smartPunctuation(#"`a**"foo"**`: curly quotes"#),
        384: .smartPunctuation(#"`a__"foo"__`: curly quotes"#),
        394: .smartPunctuation(#"`"*bar*"` inside strong: curly quotes"#),
        507: .smartPunctuation(#"a link whose title's quotes aren't escaped stays text: curly quotes"#),
        589: .smartPunctuation(#"`[[foo]]: /url "title"` is no definition: curly quotes"#),
        618: .smartPunctuation(#"`<a h*#ref="hi">` is not a tag: curly quotes"#),
        619: .smartPunctuation(#"`href="hi'` and `href=hi'` are not tags: quotes and apostrophes"#),
        621: .smartPunctuation("`href='bar'title=title` is not a tag: curly single quotes"),
        623: .smartPunctuation(#"`</a href="foo">` is not a tag: curly quotes"#),
        625: .smartPunctuation("`<!-- … -- … -->` is not a comment: en dashes"),
        626: .smartPunctuation("`<!-->` and `<!-- foo--->` are not comments: en and em dashes"),
        632: .smartPunctuation(#"`<a href="\"">` is not a tag: curly quotes"#),
        650: .smartPunctuation("`$.;'there`: an apostrophe"),
    ]

    /// How an example came out.
    enum Outcome: Equatable {
        case asSpec, asSafeModeCmark, listed
        case failing(String)
    }

    @Test(arguments: try CommonMarkExample.all())
    func example(_ example: CommonMarkExample) {
        let outcome = Self.outcome(of: example)
        if case .failing(let message) = outcome { Issue.record(Comment(rawValue: message)) }
    }

    /// Byte for byte rather than normalized: on each example's tree the writer writes what
    /// cmark's own renderer writes for it, headings as custom blocks (``BodyHTMLTests``).
    @Test(arguments: try CommonMarkExample.all())
    func writesWhatCmarkWrites(_ example: CommonMarkExample) {
        let document = CmarkDocument(markdown: example.markdown)
        document.convertPipeTables()
        BodyHTMLTests().expectSameHTML(document)
    }

    /// The numbers this file reports: a change in them is a change in the writer or the list.
    @Test func counts() throws {
        let outcomes = try CommonMarkExample.all().map(Self.outcome)
        #expect(outcomes.count == 652)
        #expect(outcomes.filter { $0 == .asSpec }.count == 555)
        #expect(outcomes.filter { $0 == .asSafeModeCmark }.count == 71)
        #expect(outcomes.filter { $0 == .listed }.count == 26)
    }

    /// Every listed example exists, so a renumbered spec can't hide one in the list.
    @Test func everyListedExampleExists() throws {
        let numbers = Set(try CommonMarkExample.all().map(\.example))
        #expect(Set(Self.differences.keys).subtracting(numbers).isEmpty)
    }

    /// Smart punctuation changes text only: code spans and code blocks keep their quotes,
    /// dashes and dots (cmark applies it as it parses text; the writer copies code as is).
    @Test func smartPunctuationLeavesCodeAlone() {
        let code = #""a" 'b' -- c --- d..."#
        let html = RenderedExample("\(code) `\(code)`\n\n    \(code)\n\n```\n\(code)\n```\n").html
        let escaped = #"&quot;a&quot; 'b' -- c --- d..."#
        #expect(html == """
            <p>“a” ‘b’ – c — d… <code>\(escaped)</code></p>
            <pre><code>\(escaped)
            </code></pre>
            <pre><code>\(escaped)
            </code></pre>

            """)
    }

    static func outcome(of example: CommonMarkExample) -> Outcome {
        let rendered = RenderedExample(example.markdown)
        let ours = NormalizedHTML.normalize(rendered.html, droppingHeadingIDs: true)
        let spec = NormalizedHTML.normalize(example.html)
        func failing(_ problem: String, expected: String) -> Outcome {
            .failing("""
                example \(example.example) (\(example.section)) \(problem)
                markdown: \(String(reflecting: example.markdown))
                expected: \(String(reflecting: expected))
                ours:     \(String(reflecting: ours))
                """)
        }
        if rendered.isRawOrUnsafe {
            let cmark = NormalizedHTML.normalize(RenderedExample.cmark(example.markdown))
            return ours == cmark ? .asSafeModeCmark : failing("holds raw HTML or an unsafe URL, and differs from libcmark in safe mode", expected: cmark)
        }
        guard let difference = differences[example.example] else {
            return ours == spec ? .asSpec : failing("differs from the spec and is not in CommonMarkSpecTests.differences", expected: spec)
        }
        if ours == spec { return failing("is listed in CommonMarkSpecTests.differences but matches the spec: take it off", expected: spec) }
        switch difference {
        case .smartPunctuation:
            let cmark = NormalizedHTML.normalize(RenderedExample.cmark(example.markdown))
            let plain = NormalizedHTML.normalize(RenderedExample.cmark(example.markdown, options: CMARK_OPT_DEFAULT))
            if ours != cmark { return failing("differs from libcmark with the pipeline's options", expected: cmark) }
            if plain != spec { return failing("differs from the spec for more than smart punctuation", expected: spec) }
        }
        return .listed
    }
}
