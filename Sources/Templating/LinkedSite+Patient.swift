import HandbookCore
import Mustache
import Search
import Rendering
import Linking

/// The pages for reading away from the screen: `print.html`, the whole handbook in reading
/// order, and `plan.html`, a printable sheet of the exercises a patient ticks. Both sit at
/// the site root and show page bodies rendered for that place (``PlacedBody``), so their
/// ids are unique and, in print, links between pages lead within the page.
extension LinkedSite {
    /// The plan page's title and summary, also listed in the search index.
    package static let planTitle = "My exercise plan"
    package static let planSummary = "Tick the exercises you were given, then print a sheet with just those, their steps and when to stop."

    /// The context of `print.mustache`: every section in reading order, each with its intro and pages.
    package func printContext(table: LinkTable? = nil) -> TemplateObject {
        let context = PageContext(linked: self, here: .print, table: table)
        var values = context.common(title: site.config.title, description: site.config.description, section: nil)
        values["title"] = .text(site.config.title)
        values["contentsID"] = .text(PageAnchor.part("contents", of: .print))
        if let emergency = emergencyPage { values["emergencyHref"] = .text("#" + PageAnchor.page(context.table.output(emergency))) }
        if let stop = stopPage { values["stopHref"] = .text("#" + PageAnchor.page(context.table.output(stop))) }
        values["chapters"] = .list(site.sections.compactMap { section -> TemplateValue? in
            guard let intro = page(section.index.source) else { return nil }
            let sources = section.pages.map(\.source).filter { context.table.summary($0) != nil }
            // The pages are made one by one as print.html is written; the contents need only
            // their titles, which the link table holds.
            let pages = LazyList(count: sources.count) { printedPage(page(sources[$0])!) }
            let contents = sources.map { source -> TemplateValue in
                let summary = context.table.summary(source)!
                return ["id": .text(PageAnchor.page(summary.output)), "title": .text(summary.title)]
            }
            var chapter: TemplateObject = [
                "id": .text(PageAnchor.page(section.index.output)),
                "titleID": .text(PageAnchor.part("title", of: section.index.output)),
                "title": .text(intro.page.frontMatter.title),
                "summary": .text(intro.page.frontMatter.summary ?? ""),
                "contentIntro": intro.html(.beforeSteps, placedAt: .print),
                "pages": .lazyList(pages),
            ]
            if !contents.isEmpty { chapter["contents"] = ["items": .list(contents)] }
            return .object(chapter)
        })
        return values
    }

    private func printedPage(_ rendered: RenderedPage) -> TemplateValue {
        let page = rendered.page
        let anchors = PrintAnchors(page.output)
        let titleID = anchors.part("title")
        var values: TemplateObject = [
            "id": .text(anchors.page),
            "titleID": .text(titleID),
            "title": .text(page.frontMatter.title),
            "summary": .text(page.frontMatter.summary ?? ""),
            "content": rendered.html(.beforeSteps, placedAt: .print),
            "contentFromSteps": rendered.html(.fromSteps, placedAt: .print),
        ]
        if let sources = PageContext.sources(page.frontMatter) { values["sources"] = sources }
        if let reviewed = page.frontMatter.reviewed { values["reviewed"] = .text(reviewed.longForm) }
        if let reviewer = page.frontMatter.recordedReviewer { values["reviewedBy"] = .text(reviewer) }
        if let exercise = page.frontMatter.exercise {
            values["exercise"] = PageContext.exercise(exercise, boxID: anchors.part(""), boxLevel: 4, boxOf: titleID)
        }
        return .object(values)
    }

    /// The context of `plan.mustache`: a checkbox for every exercise, grouped by type, then
    /// each exercise's sheet (illustration, steps, dose, stop list), then the warning signs.
    package func planContext(table: LinkTable? = nil) -> TemplateObject {
        let context = PageContext(linked: self, here: .plan, table: table)
        let exerciseSection = site.sections.first { $0.slug == RenderedSite.exerciseSection }
        var values = context.common(title: Self.planTitle, description: Self.planSummary, section: exerciseSection?.slug)
        values["title"] = .text(Self.planTitle)
        values["summary"] = .text(Self.planSummary)
        values["planScriptHref"] = .text(context.href(SitePath("assets/plan.js")))
        if let exerciseSection {
            values["breadcrumbs"] = [["title": .text(exerciseSection.index.frontMatter.title),
                                      "href": .text(context.href(source: exerciseSection.index.source))]]
        }
        values["contentStructuredData"] = .text(StructuredData.Value.object(StructuredData.webPage(
            title: Self.planTitle, description: Self.planSummary, config: site.config,
            url: site.config.baseURL.map { $0 + SitePath.plan.value })).scriptJSON)
        values["groups"] = .list(exerciseIndex.byType.map { group in
            ["title": .text(group.title), "items": .list(group.pages.compactMap { source -> TemplateValue? in
                guard let page = context.table.summary(source) else { return nil }
                return ["key": .text(PageAnchor.page(page.output)), "title": .text(page.title), "level": .text(page.level ?? "")]
            })]
        })
        values["items"] = .list(readingOrder.compactMap { source -> TemplateValue? in
            guard let rendered = page(source), let exercise = rendered.page.frontMatter.exercise else { return nil }
            let output = rendered.page.output
            let anchors = PrintAnchors(output)
            let titleID = anchors.part("title")
            return [
                "key": .text(anchors.page),
                "titleID": .text(titleID),
                "title": .text(rendered.page.frontMatter.title),
                "href": .text(context.href(output)),
                "exercise": PageContext.exercise(exercise, boxID: anchors.part(""), boxLevel: 4, boxOf: titleID),
                "contentSteps": rendered.html(.steps, placedAt: .root),
            ]
        })
        if let emergency = emergencyPage.flatMap(page) {
            values["redFlags"] = ["title": .text(emergency.page.frontMatter.title), "href": .text(context.href(emergency.page.output)),
                                  "contentBody": emergency.html(.beforeSteps, placedAt: .root)]
        }
        return values
    }

    /// The context of `search-index.js.mustache`.
    package func searchIndexContext() -> TemplateObject {
        let plan = SearchIndex.Entry(href: SitePath.home.relative(to: .plan), title: Self.planTitle, summary: Self.planSummary)
        let index = SearchIndex(linked: self, extra: [plan])
        return ["contentIndex": .deferred(DeferredText { index.write(into: &$0) })]
    }
}

/// One page's anchor on a root-level page (print, plan), worked out once for the ids of all
/// its parts: ``PageAnchor/part(_:of:)`` works the anchor out again for each, and print.html
/// asks for four ids of each of 10,000 pages. `PrintAnchorsTests` holds the two together.
package struct PrintAnchors {
    package let page: String

    package init(_ output: SitePath) {
        page = PageAnchor.page(output)
    }

    /// The same id as `PageAnchor.part(name, of: output)`.
    package func part(_ name: String) -> String {
        page + ":" + name
    }
}
