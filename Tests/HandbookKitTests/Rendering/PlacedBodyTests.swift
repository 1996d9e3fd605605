import Testing
@testable import HandbookKit
@testable import HandbookCore
@testable import Loading
@testable import Rendering

/// Page bodies rendered for print.html and the exercise plan: prefixed ids, lower headings,
/// links that lead within print.html, images that load from the site root.
@Suite struct PlacedBodyTests {
    /// An exercise by default: the plan shows exercises' bodies placed at the root.
    func page(_ body: String, source: String = "exercises/bridge.md", exercise: Bool = true) -> Page {
        RendererTests().page(body, source: source, exercise: exercise)
    }

    @Test func headingIDsArePrefixedWithThePageAndHeadingsMoveDown() {
        let (rendered, _) = render(page("## Steps\n\n## Steps\n\n### Don't bounce\n"))
        #expect(rendered.string(.beforeSteps, placedAt: .print).contains("<h4 id=\"exercises__bridge.steps\">"))
        #expect(rendered.string(.beforeSteps, placedAt: .print).contains("<h4 id=\"exercises__bridge.steps-1\">"))
        #expect(rendered.string(.beforeSteps, placedAt: .print).contains("<h5 id=\"exercises__bridge.dont-bounce\">"))
        #expect(rendered.string(.beforeSteps, placedAt: .root).contains("<h3 id=\"exercises__bridge.steps\">"))
        // The page itself keeps its own ids and levels.
        #expect(rendered.html.contains("<h2 id=\"steps\">"))
        let (intro, _) = render(page("## About\n", source: "exercises/_index.md", exercise: false))
        #expect(intro.string(.beforeSteps, placedAt: .print).contains("<h3 id=\"exercises.about\">"), "a section intro sits one level higher")
    }

    @Test(arguments: [
        ("[a](../safety/when-to-stop.md#the-rule)", "#safety__when-to-stop.the-rule", "safety/when-to-stop.html#the-rule"),
        ("[b](plank.md)", "#exercises__plank", "exercises/plank.html"),
        ("[c](_index.md)", "#exercises", "exercises/index.html"),
        ("[d](../safety/)", "#safety", "safety/index.html"),
        ("[e](plank.html#x)", "#exercises__plank.x", "exercises/plank.html#x"),
        ("[f](#here)", "#exercises__bridge.here", "exercises/bridge.html#here"),
        ("[g](https://www.nhs.uk/a.md)", "https://www.nhs.uk/a.md", "https://www.nhs.uk/a.md"),
        ("[h](guide.pdf)", "exercises/guide.pdf", "exercises/guide.pdf"),
        ("![i](bridge.svg)", "exercises/bridge.svg", "exercises/bridge.svg"),
    ])
    func linksAreRewrittenForTheirPlace(markdown: String, print: String, root: String) {
        let (rendered, _) = render(page(markdown))
        #expect(rendered.string(.beforeSteps, placedAt: .print).contains("\"\(print)\""), "\(rendered.string(.beforeSteps, placedAt: .print))")
        #expect(rendered.string(.beforeSteps, placedAt: .root).contains("\"\(root)\""), "\(rendered.string(.beforeSteps, placedAt: .root))")
    }

    @Test func linksInTablesAreRewrittenToo() {
        let (rendered, _) = render(page("| Move | Dose |\n|---|---|\n| [Plank](plank.md) | 10 s |\n"))
        #expect(rendered.string(.beforeSteps, placedAt: .print).contains("<a href=\"#exercises__plank\">Plank</a>"))
    }

    @Test func unsafeLinksStayEmpty() {
        let (rendered, _) = render(page("[x](javascript:alert(1))"))
        #expect(rendered.string(.beforeSteps, placedAt: .print).contains("href=\"\""))
    }

    @Test func exerciseBodiesSplitAroundTheSteps() {
        let body = "## Who it helps\n\nYou.\n\n## How to do it\n\n![Lying down](bridge.svg)\n\n1. Lie down.\n\n### Chair version\n\nSit.\n\n## Common mistakes\n\nNone.\n"
        let (rendered, _) = render(page(body, exercise: true))
        let before = rendered.string(.beforeSteps, placedAt: .root)
        let fromSteps = rendered.string(.fromSteps, placedAt: .root)
        let steps = rendered.string(.steps, placedAt: .root)
        #expect(before.contains("who-it-helps") && !before.contains("Lie down"))
        #expect(fromSteps.hasPrefix("<h3 id=\"exercises__bridge.how-to-do-it\">\nHow to do it\n</h3>\n" + steps))
        #expect(steps.hasPrefix("<p><img src=\"exercises/bridge.svg\"") && steps.contains("<ol>"))
        #expect(steps.contains("Chair version"), "subheadings belong to the steps")
        #expect(!steps.contains("Common mistakes"))
        #expect(fromSteps.hasSuffix("<h3 id=\"exercises__bridge.common-mistakes\">\nCommon mistakes\n</h3>\n<p>None.</p>\n"))
    }

    @Test func anchorsAreUniqueAcrossPagesAndHeadings() {
        let outputs = ["a/index.html", "a/b.html", "a-b/index.html", "a/b-c.html", "a-b/c.html", "ab/index.html"].map(SitePath.init)
        let headings = ["", "b", "c", "b-c", "index", "title", "b__c"]
        var anchors: [String] = []
        for output in outputs {
            anchors.append(PageAnchor.page(output))
            anchors.append(PageAnchor.part("title", of: output))
            anchors += headings.map { PageAnchor.heading($0, in: output) }
        }
        #expect(Set(anchors).count == anchors.count)
        #expect(PageAnchor.page(SitePath("exercises/bridge.html")) == "exercises__bridge")
        #expect(PageAnchor.page(SitePath("exercises/index.html")) == "exercises")
    }
}
