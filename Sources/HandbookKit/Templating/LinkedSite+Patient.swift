/// The pages for reading away from the screen: `print.html`, the whole handbook in reading
/// order, and `plan.html`, a printable sheet of the exercises a patient ticks. Both sit at
/// the site root and show page bodies rendered for that place (``PlacedBody``), so their
/// ids are unique and, in print, links between pages lead within the page.
extension LinkedSite {
    /// The plan page's title and summary, also listed in the search index.
    static let planTitle = "My exercise plan"
    static let planSummary = "Tick the exercises you were given, then print a sheet with just those, their steps and when to stop."

    /// The context of `print.mustache`: every section in reading order, each with its intro and pages.
    func printContext() -> [String: Any] {
        let context = PageContext(linked: self, here: .print)
        var values = context.common(title: site.config.title, description: site.config.description, section: nil)
        values["title"] = site.config.title
        values["contentsID"] = PageAnchor.part("contents", of: .print)
        if let emergency = emergencyPage { values["emergencyHref"] = "#" + PageAnchor.page(SitePath(outputPath(forSource: emergency))) }
        if let stop = stopPage { values["stopHref"] = "#" + PageAnchor.page(SitePath(outputPath(forSource: stop))) }
        values["chapters"] = site.sections.compactMap { section -> [String: Any]? in
            guard let intro = page(section.index.source) else { return nil }
            let pages = section.pages.compactMap { page($0.source).map(printedPage) }
            var chapter: [String: Any] = [
                "id": PageAnchor.page(section.index.output),
                "titleID": PageAnchor.part("title", of: section.index.output),
                "title": intro.page.frontMatter.title,
                "summary": intro.page.frontMatter.summary ?? "",
                "contentIntro": intro.printBody.beforeSteps,
                "pages": pages,
            ]
            if !pages.isEmpty { chapter["contents"] = ["items": pages] }
            return chapter
        }
        return values
    }

    private func printedPage(_ rendered: RenderedPage) -> [String: Any] {
        let page = rendered.page
        let body = rendered.printBody
        var values: [String: Any] = [
            "id": PageAnchor.page(page.output),
            "titleID": PageAnchor.part("title", of: page.output),
            "title": page.frontMatter.title,
            "summary": page.frontMatter.summary ?? "",
            "content": body.beforeSteps,
            "contentFromSteps": body.stepsHeading + body.steps + body.afterSteps,
        ]
        let sources = (page.frontMatter.sources ?? []).map(SourceCitation.init).map { ["title": $0.title, "url": $0.url ?? ""] }
        if !sources.isEmpty { values["sources"] = ["items": sources] }
        if let reviewed = page.frontMatter.reviewed { values["reviewed"] = reviewed.longForm }
        if let exercise = page.frontMatter.exercise {
            values["exercise"] = PageContext.exercise(exercise, boxID: PageAnchor.part("", of: page.output), boxLevel: 4,
                                                      boxOf: PageAnchor.part("title", of: page.output))
        }
        return values
    }

    /// The context of `plan.mustache`: a checkbox for every exercise, grouped by type, then
    /// each exercise's sheet (illustration, steps, dose, stop list), then the warning signs.
    func planContext() -> [String: Any] {
        let context = PageContext(linked: self, here: .plan)
        let exerciseSection = site.sections.first { $0.slug == RenderedSite.exerciseSection }
        var values = context.common(title: Self.planTitle, description: Self.planSummary, section: exerciseSection?.slug)
        values["title"] = Self.planTitle
        values["summary"] = Self.planSummary
        values["planScriptHref"] = context.href(SitePath("assets/plan.js"))
        if let exerciseSection {
            values["breadcrumbs"] = [["title": exerciseSection.index.frontMatter.title, "href": context.href(source: exerciseSection.index.source)]]
        }
        values["contentStructuredData"] = ScriptJSON.encode(StructuredData.Value.object(StructuredData.webPage(
            title: Self.planTitle, description: Self.planSummary, config: site.config,
            url: site.config.baseURL.map { $0 + SitePath.plan.value })))
        values["groups"] = exerciseIndex.byType.map { group -> [String: Any] in
            ["title": group.title, "items": group.pages.compactMap { source -> [String: Any]? in
                guard let page = page(source)?.page else { return nil }
                return ["key": PageAnchor.page(page.output), "title": page.frontMatter.title,
                        "level": page.frontMatter.exercise?.level.rawValue ?? ""]
            }]
        }
        values["items"] = readingOrder.compactMap { source -> [String: Any]? in
            guard let rendered = page(source), let exercise = rendered.page.frontMatter.exercise else { return nil }
            let output = rendered.page.output
            return [
                "key": PageAnchor.page(output),
                "titleID": PageAnchor.part("title", of: output),
                "title": rendered.page.frontMatter.title,
                "href": context.href(output),
                "exercise": PageContext.exercise(exercise, boxID: PageAnchor.part("", of: output), boxLevel: 4,
                                                 boxOf: PageAnchor.part("title", of: output)),
                "contentSteps": rendered.rootBody.steps,
            ]
        }
        if let emergency = emergencyPage.flatMap(page) {
            values["redFlags"] = ["title": emergency.page.frontMatter.title, "href": context.href(emergency.page.output),
                                  "contentBody": emergency.rootBody.beforeSteps]
        }
        return values
    }

    /// The context of `search-index.js.mustache`.
    func searchIndexContext() -> [String: Any] {
        let plan = SearchIndex.Entry(href: SitePath.home.relative(to: .plan), title: Self.planTitle, summary: Self.planSummary)
        return ["contentIndex": SearchIndex(linked: self, extra: [plan]).json]
    }
}
