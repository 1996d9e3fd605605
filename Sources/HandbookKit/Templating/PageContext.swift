/// Builds the dictionary a template sees for one output page. Dictionaries, not
/// structs: swift-mustache renders them about twice as fast (measured here).
/// Every link is made by ``SitePath/relative(to:fragment:)`` from the page's own path.
struct PageContext {
    var linked: LinkedSite
    /// The output path of the page being rendered.
    var here: SitePath

    /// Sections longer than this show a window of neighbours in the side navigation,
    /// so each page's size stays constant and the whole site linear in its page count.
    static let navigationWindow = 40

    func href(_ path: SitePath, fragment: String? = nil) -> String {
        here.relative(to: path, fragment: fragment)
    }

    func href(source: String) -> String {
        href(SitePath(outputPath(forSource: source)))
    }

    /// What every HTML page shares: language, site title, asset links, navigation, red-flag links.
    func common(title: String?, description: String, section: String?) -> [String: Any] {
        let config = linked.site.config
        var context: [String: Any] = [
            "lang": config.language,
            "siteTitle": config.title,
            "pageTitle": title.map { "\($0) | \(config.title)" } ?? config.title,
            "description": description,
            "cssHref": href(SitePath("assets/style.css")),
            "homeHref": href(.home),
            "exercisesHref": href(.exerciseIndex),
            "nav": navigation(currentSection: section),
            "ogType": title == nil ? "website" : "article",
            "ogTitle": title ?? config.title,
            "searchScriptHref": href(.searchScript),
            "searchIndexHref": href(.searchIndex),
            "printHref": href(.print),
            "planHref": href(.plan),
        ]
        if let base = config.baseURL { context["canonical"] = base + (here == .home ? "" : here.value) }
        if let emergency = linked.emergencyPage { context["emergencyHref"] = href(source: emergency) }
        if let stop = linked.stopPage { context["stopHref"] = href(source: stop) }
        return context
    }

    /// The sections, and the current section's pages (windowed for long sections).
    func navigation(currentSection: String?) -> [[String: Any]] {
        linked.site.sections.map { section in
            var entry: [String: Any] = [
                "title": section.index.frontMatter.title,
                "href": href(source: section.index.source),
                "current": section.slug == currentSection,
            ]
            guard section.slug == currentSection else { return entry }
            var pages = section.pages[...]
            var children: [String: Any] = [:]
            if pages.count > Self.navigationWindow {
                let position = pages.firstIndex { $0.output == here } ?? pages.startIndex
                let start = max(pages.startIndex, min(position - Self.navigationWindow / 2, pages.endIndex - Self.navigationWindow))
                pages = pages[start..<(start + Self.navigationWindow)]
                children["more"] = section.pages.count
                children["sectionHref"] = href(source: section.index.source)
            }
            guard !pages.isEmpty else { return entry }
            children["items"] = pages.map { page in
                ["title": page.frontMatter.title, "href": href(page.output), "current": page.output == here] as [String: Any]
            }
            entry["children"] = children
            return entry
        }
    }

    /// A link to a page, for lists: title, summary, href and, for exercises, level.
    func entry(_ source: String) -> [String: Any] {
        guard let page = linked.page(source)?.page else { return [:] }
        var entry: [String: Any] = [
            "title": page.frontMatter.title,
            "summary": page.frontMatter.summary ?? "",
            "href": href(page.output),
        ]
        if let exercise = page.frontMatter.exercise { entry["level"] = exercise.level.rawValue }
        return entry
    }

    /// Breadcrumbs, neighbours, backlinks, dates and sources of one article or exercise page.
    func article(_ rendered: RenderedPage) -> [String: Any] {
        let page = rendered.page
        let matter = page.frontMatter
        var context = common(title: matter.title, description: matter.summary ?? "", section: page.section)
        context["title"] = matter.title
        context["summary"] = matter.summary ?? ""
        context["content"] = rendered.html
        context["contentFromSteps"] = rendered.htmlFromSteps
        if let section = linked.site.sections.first(where: { $0.slug == page.section }), !page.isSectionIndex {
            context["breadcrumbs"] = [["title": section.index.frontMatter.title, "href": href(source: section.index.source)]]
        }
        let (previous, next) = linked.neighbours(of: page.source)
        if let previous { context["previous"] = entry(previous) }
        if let next { context["next"] = entry(next) }
        let backlinks = linked.backlinks[page.source] ?? []
        if !backlinks.isEmpty { context["backlinks"] = ["items": backlinks.map(entry)] }
        if let reviewed = matter.reviewed { context["reviewed"] = ["iso": reviewed.description, "text": reviewed.longForm] }
        if let due = matter.nextReview { context["nextReview"] = ["iso": due.description, "text": due.longForm] }
        let sources = (matter.sources ?? []).map(SourceCitation.init)
        if !sources.isEmpty {
            context["sources"] = ["items": sources.map { source -> [String: Any] in
                var item: [String: Any] = ["title": source.title]
                if let url = source.url { item["url"] = url }
                return item
            }]
        }
        if let exercise = matter.exercise { context["exercise"] = Self.exercise(exercise) }
        context["contentStructuredData"] = StructuredData.page(rendered, config: linked.site.config, url: context["canonical"] as? String)
        return context
    }

    /// The exercise block: type, level, targets, dose lines and the two safety lists.
    /// - Parameters:
    ///   - exercise: The front matter's `exercise:` block.
    ///   - boxID: Prefix of the boxes' ids; print.html and the plan hold many exercises.
    ///   - boxLevel: The boxes' heading level, lower where the page's title is not the `h1`.
    ///   - boxOf: The id of the exercise's title, which joins each box's name where many
    ///     exercises share a page, so each box landmark is named uniquely.
    static func exercise(_ exercise: Exercise, boxID: String = "page-", boxLevel: Int = 2, boxOf: String? = nil) -> [String: Any] {
        var dose: [[String: String]] = []
        func add(_ label: String, _ value: String?) {
            if let value, !value.isEmpty { dose.append(["label": label, "value": value]) }
        }
        add("Hold", exercise.holdSeconds.flatMap { $0 > 0 ? ($0 == 1 ? "1 second" : "\($0) seconds") : nil })
        add("Repeat", exercise.reps.flatMap { $0 > 0 ? ($0 == 1 ? "1 time" : "\($0) times") : nil })
        add("Sets", exercise.sets.flatMap { $0 > 0 ? "\($0)" : nil })
        add("How often", exercise.frequency)
        add("You need", exercise.equipment)
        var values: [String: Any] = [
            "type": exercise.type.title,
            "level": exercise.level.rawValue,
            "targets": exercise.targets.joined(separator: ", "),
            "dose": dose,
            "stopIf": exercise.stopIf,
            "avoidIf": exercise.avoidIf,
            "boxID": boxID,
            "boxLevel": boxLevel,
        ]
        if let boxOf { values["boxOf"] = boxOf }
        return values
    }
}
