import Testing
@testable import HandbookKit
@testable import Markdown
@testable import Loading
@testable import Rendering

@Suite struct RendererTests {
    func page(_ body: String, source: String = "exercises/bridge.md", exercise: Bool = false) -> Page {
        var matter = FrontMatter(title: "T")
        if exercise { matter.exercise = Exercise(type: .core, targets: [], level: .beginner, stopIf: ["x"], avoidIf: ["y"]) }
        return Page(source: source, file: "Content/" + source, frontMatter: matter, body: body, bodyLine: 10)
    }

    @Test func headingIDsFollowGitHub() {
        let (rendered, _) = render(page("## What it is\n\n## What it is\n\n### Don't *bounce* — ever!\n\n## Étape 2\n"))
        #expect(rendered.headings.map(\.id) == ["what-it-is", "what-it-is-1", "dont-bounce--ever", "étape-2"])
        #expect(rendered.html.contains("<h2 id=\"what-it-is\">"))
        #expect(rendered.html.contains("<h3 id=\"dont-bounce--ever\">"))
        #expect(rendered.headings.map(\.line) == [10, 12, 14, 16])
    }

    @Test func asciiSlugsFollowTheSameRulesAsOtherText() {
        let ascii = String(String.UnicodeScalarView((0x20..<0x7F).compactMap(Unicode.Scalar.init)))
        #expect(HeadingSlugger.slug(ascii) == "--0123456789abcdefghijklmnopqrstuvwxyz_abcdefghijklmnopqrstuvwxyz")
        #expect(HeadingSlugger.slug(ascii + "É") == HeadingSlugger.slug(ascii) + "é", "the scalar path agrees")
    }

    @Test func rewritesMarkdownLinksAndKeepsFragments() {
        let body = "[a](../safety/when-to-stop.md#rule) [b](plank.md) [c](_index.md) [d](../safety/) [e](/safety/x.md) [f](https://nhs.uk/x.md) [g](#here)"
        let (rendered, _) = render(page(body))
        #expect(rendered.html.contains("href=\"../safety/when-to-stop.html#rule\""))
        #expect(rendered.html.contains("href=\"plank.html\""))
        #expect(rendered.html.contains("href=\"index.html\""))
        #expect(rendered.html.contains("href=\"../safety/index.html\""))
        #expect(rendered.html.contains("href=\"../safety/x.html\""))
        #expect(rendered.html.contains("href=\"https://nhs.uk/x.md\""))
        #expect(rendered.html.contains("href=\"#here\""))
        #expect(rendered.links.map(\.target) == [
            .page("safety/when-to-stop.md"), .page("exercises/plank.md"), .page("exercises/_index.md"),
            .page("safety/_index.md"), .page("safety/x.md"), .external, .page("exercises/bridge.md"),
        ])
        #expect(rendered.links.first?.fragment == "rule")
    }

    @Test func hostileMarkdownComesOutInert() {
        let body = "<script>alert(1)</script>\n\nHi <img src=x onerror=alert(1)> [x](javascript:alert(1)) [y](JaVaScRiPt:alert(1)) ![z](data:text/html,<b>)\n"
        let (rendered, warnings) = render(page(body))
        #expect(!rendered.html.contains("<script"))
        #expect(!rendered.html.contains("onerror"))
        #expect(!rendered.html.lowercased().contains("javascript:"))
        #expect(!rendered.html.contains("data:text"))
        #expect(warnings.map(\.rule) == [.unsafeURL, .unsafeURL, .unsafeURL])
        #expect(warnings.allSatisfy { $0.severity == .warning && $0.line == 12 })
    }

    @Test func collectsImagesWithAltAndPositions() {
        let (rendered, _) = render(page("Text\n\n  ![Person lying *down*](bridge.svg)\n"))
        #expect(rendered.images == [ImageReference(url: "bridge.svg", target: .file("exercises/bridge.svg"),
                                                   alt: "Person lying down", line: 12, column: 3)])
    }

    @Test func columnsCountCharactersNotBytes() {
        let (rendered, _) = render(page("Café — [link](x.md)"))
        #expect(rendered.links.first?.column == 8)
    }

    @Test func pipeTablesBecomeTables() {
        let body = "| Move | Dose |\n|:---|---:|\n| [Bridge](bridge.md) | 8 *times* |\n| Plank | 10 s |\n"
        let (rendered, _) = render(page(body))
        #expect(rendered.html.contains("<table>"))
        #expect(rendered.html.contains("<th style=\"text-align: left\">Move</th><th style=\"text-align: right\">Dose</th>"))
        #expect(rendered.html.contains("<td style=\"text-align: left\"><a href=\"bridge.html\">Bridge</a></td><td style=\"text-align: right\">8 <em>times</em></td>"))
        #expect(rendered.links.first?.line == 12)
        #expect(!rendered.html.contains("|"))
    }

    @Test func paragraphsWithPipesButNoDelimiterRowStayParagraphs() {
        let (rendered, _) = render(page("a | b\nc | d\n"))
        #expect(rendered.html == "<p>a | b\nc | d</p>\n")
    }

    @Test func exerciseBodySplitsBeforeTheSteps() {
        let (rendered, _) = render(page("## Who it helps\n\nYou.\n\n## How to do it\n\n1. Lie down.\n", exercise: true))
        #expect(rendered.html.contains("who-it-helps"))
        #expect(!rendered.html.contains("how-to-do-it"))
        #expect(rendered.htmlFromSteps.hasPrefix("<h2 id=\"how-to-do-it\">"))
        #expect(rendered.htmlFromSteps.contains("<ol>"))
    }
}
