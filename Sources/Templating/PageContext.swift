import HandbookCore
import Loading
import Mustache
import Rendering
import Linking

/// Builds the context a template sees for one output page.
/// Every link is made by ``SitePath/relative(to:fragment:)`` from the page's own path.
package struct PageContext {
    package var linked: LinkedSite
    /// The output path of the page being rendered.
    package var here: SitePath
    /// Output paths, list entries and the links shared by the pages of a folder.
    package var table: LinkTable
    /// What the pages in this page's folder share.
    package var folder: LinkTable.Folder

    /// - Parameter table: The table made for filling every page; without it, one is made
    ///   for this page alone.
    package init(linked: LinkedSite, here: SitePath, table: LinkTable? = nil) {
        self.linked = linked
        self.here = here
        self.table = table ?? LinkTable(linked: linked)
        folder = self.table.folder(of: here)
    }

    /// Sections longer than this show a window of neighbours in the side navigation,
    /// so each page's size stays constant and the whole site linear in its page count.
    package static let navigationWindow = 40

    /// `emergency.number`, `emergency.urgent` and `emergency.note` for the emergency boxes.
    package static func emergency(_ settings: EmergencySettings) -> TemplateValue {
        ["number": .text(settings.number), "urgent": .text(settings.urgent), "note": .text(settings.note)]
    }

    package func href(_ path: SitePath, fragment: String? = nil) -> String {
        here.relative(to: path, fragment: fragment)
    }

    package func href(source: String) -> String {
        href(table.output(source))
    }

    /// What every HTML page shares: language, site title, asset links, navigation, red-flag links.
    /// - Parameter current: The source of the page shown, which the navigation marks.
    package func common(title: String?, description: String, section: String?, current: String? = nil) -> TemplateObject {
        let config = linked.site.config
        var context = folder.shared
        context["pageTitle"] = .text(title.map { "\($0) | \(config.title)" } ?? config.title)
        context["description"] = .text(description)
        context["nav"] = .list(navigation(folder.sections, currentSection: section, current: current))
        context["ogType"] = title == nil ? "website" : "article"
        context["ogTitle"] = .text(title ?? config.title)
        if let base = config.baseURL { context["canonical"] = .text(base + (here == .home ? "" : here.value)) }
        return context
    }

    /// The sections, and the current section's pages (windowed for long sections).
    private func navigation(_ links: [LinkTable.SectionLink], currentSection: String?, current: String?) -> [TemplateValue] {
        zip(linked.site.sections, links).map { section, link in
            guard section.slug == currentSection else { return link.entry }
            var entry: TemplateObject = ["title": .text(link.title), "href": .text(link.href), "current": true]
            var window = section.pages.indices
            var children: TemplateObject = [:]
            if window.count > Self.navigationWindow {
                // A section's pages follow its intro in the reading order.
                let position = current.flatMap { linked.positions[$0] }.map { $0 - linked.positions[section.index.source]! - 1 } ?? 0
                let start = max(window.lowerBound, min(position - Self.navigationWindow / 2, window.upperBound - Self.navigationWindow))
                window = start..<(start + Self.navigationWindow)
                children["more"] = .number(section.pages.count)
                children["sectionHref"] = .text(link.href)
            }
            guard !window.isEmpty else { return .object(entry) }
            children["items"] = .list(table.navigationItems(of: section, window: window, here: here).map { item in
                item.output == here ? item.currentEntry : item.entry
            })
            entry["children"] = .object(children)
            return .object(entry)
        }
    }

    /// A link to a page, for lists: title, summary, href and, for exercises, level.
    package func entry(_ source: String) -> TemplateValue {
        .object(table.entry(source, from: here) ?? [:])
    }

    /// Breadcrumbs, neighbours, backlinks, dates and sources of one article or exercise page.
    package func article(_ rendered: RenderedPage) -> TemplateObject {
        let page = rendered.page
        let matter = page.frontMatter
        var context = common(title: matter.title, description: matter.summary ?? "", section: page.section, current: page.source)
        context["title"] = .text(matter.title)
        context["summary"] = .text(matter.summary ?? "")
        context["content"] = rendered.html(.beforeSteps)
        context["contentFromSteps"] = rendered.html(.fromSteps)
        if !page.isSectionIndex, let section = folder.sections.first(where: { $0.slug == page.section }) {
            context["breadcrumbs"] = [["title": .text(section.title), "href": .text(section.href)]]
        }
        let (previous, next) = linked.neighbours(of: page.source)
        if let previous { context["previous"] = entry(previous) }
        if let next { context["next"] = entry(next) }
        let backlinks = linked.backlinks[page.source] ?? []
        if !backlinks.isEmpty { context["backlinks"] = ["items": .list(backlinks.map(entry))] }
        if let reviewed = matter.reviewed { context["reviewed"] = ["iso": .text(reviewed.description), "text": .text(reviewed.longForm)] }
        if let reviewer = matter.recordedReviewer { context["reviewedBy"] = .text(reviewer) }
        if let due = matter.nextReview { context["nextReview"] = ["iso": .text(due.description), "text": .text(due.longForm)] }
        if let sources = Self.sources(matter) { context["sources"] = sources }
        if let exercise = matter.exercise { context["exercise"] = Self.exercise(exercise) }
        var canonical: String?
        if case .text(let url)? = context["canonical"] { canonical = url }
        context["contentStructuredData"] = .text(StructuredData.page(rendered, config: linked.site.config, url: canonical))
        return context
    }

    /// The page's sources, each with its title and, when it has one, its link; nil for none.
    package static func sources(_ matter: FrontMatter) -> TemplateValue? {
        let sources = (matter.sources ?? []).map(SourceCitation.init)
        guard !sources.isEmpty else { return nil }
        return ["items": .list(sources.map { source in
            var item: TemplateObject = ["title": .text(source.title)]
            if let url = source.url { item["url"] = .text(url) }
            return .object(item)
        })]
    }

    /// The exercise block: type, level, targets, dose lines and the two safety lists.
    /// - Parameters:
    ///   - exercise: The front matter's `exercise:` block.
    ///   - boxID: Prefix of the boxes' ids; print.html and the plan hold many exercises.
    ///   - boxLevel: The boxes' heading level, lower where the page's title is not the `h1`.
    ///   - boxOf: The id of the exercise's title, which joins each box's name where many
    ///     exercises share a page, so each box landmark is named uniquely.
    package static func exercise(_ exercise: Exercise, boxID: String = "page-", boxLevel: Int = 2, boxOf: String? = nil) -> TemplateValue {
        var dose: [TemplateValue] = []
        func add(_ label: String, _ value: String?) {
            if let value, !value.isEmpty { dose.append(["label": .text(label), "value": .text(value)]) }
        }
        add("Hold", exercise.holdSeconds.flatMap { $0 > 0 ? ($0 == 1 ? "1 second" : "\($0) seconds") : nil })
        add("Repeat", exercise.reps.flatMap { $0 > 0 ? ($0 == 1 ? "1 time" : "\($0) times") : nil })
        add("Sets", exercise.sets.flatMap { $0 > 0 ? "\($0)" : nil })
        add("How often", exercise.frequency)
        add("You need", exercise.equipment)
        var values: TemplateObject = [
            "type": .text(exercise.type.title),
            "level": .text(exercise.level.rawValue),
            "targets": .text(exercise.targets.joined(separator: ", ")),
            "dose": .list(dose),
            "stopIf": .list(exercise.stopIf.map(TemplateValue.text)),
            "avoidIf": .list(exercise.avoidIf.map(TemplateValue.text)),
            "boxID": .text(boxID),
            "boxLevel": .number(boxLevel),
        ]
        if let boxOf { values["boxOf"] = .text(boxOf) }
        return .object(values)
    }
}
