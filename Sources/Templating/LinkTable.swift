import HandbookCore
import Loading
import Mustache
import Linking

/// What page contexts repeat, made once: every page's output path and list entry, and for
/// each output folder the links and navigation entries its pages share.
///
/// A relative link depends only on the folder of the page it is on, so all pages of a folder
/// show the same header links and the same navigation items, bar which one is current.
/// Filling the whole site makes one table for every page (``init(everyPageOf:)``);
/// filling one page (an incremental rebuild) makes a small one that works out what it needs
/// as it goes (``init(linked:)``), so one page never costs as much as the whole site.
package struct LinkTable: Sendable {
    /// A page as lists show it.
    package struct Summary: Sendable {
        package var output: SitePath
        package var title: String
        package var summary: String
        /// The exercise level, for exercise pages.
        package var level: String?
    }

    /// A section as the navigation shows it from one folder.
    package struct SectionLink: Sendable {
        package var slug: String
        package var title: String
        package var href: String
        /// `{title, href, current: false}`, shared by every page that is not in the section.
        package var entry: TemplateValue
    }

    /// A page of a section's navigation list, as seen from one folder.
    package struct NavigationItem: Sendable {
        package var output: SitePath
        /// `{title, href, current: false}`, and the same with `current: true`.
        package var entry: TemplateValue
        package var currentEntry: TemplateValue
    }

    /// What the pages of one output folder share.
    package struct Folder: Sendable {
        /// The links every HTML page has: stylesheet, home, exercises, search, print, plan,
        /// red flags and when to stop; and the site's language and title.
        package var shared: TemplateObject
        package var sections: [SectionLink]
        /// The navigation items of sections whose pages are in this folder, by slug.
        package var items: [String: [NavigationItem]] = [:]
    }

    private var summaries: [Summary] = []
    /// Each source's place in `summaries`; nil for a table that works pages out as it goes.
    private var positions: [String: Int]?
    private var folders: [String: Folder] = [:]
    private let linked: LinkedSite

    /// A table that works out each page and folder when asked: for filling a few pages.
    package init(linked: LinkedSite) {
        self.linked = linked
    }

    /// A table made up front for filling every page: each page's summary, and each article
    /// folder's links, with the navigation items of the sections its pages are in.
    package init(everyPageOf linked: LinkedSite) {
        self.linked = linked
        summaries.reserveCapacity(linked.site.pageCount)
        let sections = linked.site.sections
        for section in sections {
            for page in [section.index] + section.pages { summaries.append(Self.summary(of: page)) }
        }
        // Summaries are in reading order, so a page's place in it is its place in them.
        let positions = linked.positions
        self.positions = positions
        for section in sections {
            // A section's pages mostly share one folder: each run of them is looked up once.
            var previous: String?
            for page in section.pages {
                let here = summaries[positions[page.source]!].output
                let folder = here.folder
                guard folder != previous else { continue }
                previous = folder
                if folders[folder] == nil { folders[folder] = makeFolder(here: here) }
                guard folders[folder]!.items[section.slug] == nil else { continue }
                folders[folder]!.items[section.slug] = navigationItems(section.pages[...], here: here)
            }
        }
    }

    private static func summary(of page: Page) -> Summary {
        Summary(output: page.output, title: page.frontMatter.title, summary: page.frontMatter.summary ?? "",
                level: page.frontMatter.exercise?.level.rawValue)
    }

    /// A page's output path and list entry; nil for a source that is no page.
    package func summary(_ source: String) -> Summary? {
        guard let positions else { return linked.page(source).map { Self.summary(of: $0.page) } }
        return positions[source].map { summaries[$0] }
    }

    /// A link to a page for lists, from `here`: title, summary, href and, for exercises,
    /// level; nil for a source that is no page.
    package func entry(_ source: String, from here: SitePath) -> TemplateObject? {
        guard let positions else { return summary(source).map { Self.entry(in: [$0], at: 0, from: here) } }
        return positions[source].map { Self.entry(in: summaries, at: $0, from: here) }
    }

    /// Reads the summary's fields in place: a summary copied out copied all its strings, for
    /// each neighbour and backlink of every page.
    private static func entry(in summaries: [Summary], at index: Int, from here: SitePath) -> TemplateObject {
        var entry: TemplateObject = ["title": .text(summaries[index].title), "summary": .text(summaries[index].summary),
                                     "href": .text(here.relative(to: summaries[index].output))]
        if let level = summaries[index].level { entry["level"] = .text(level) }
        return entry
    }

    /// Where a source is written.
    package func output(_ source: String) -> SitePath {
        positions?[source].map { summaries[$0].output } ?? SitePath(outputPath(forSource: source))
    }

    /// What the pages in `here`'s folder share.
    package func folder(of here: SitePath) -> Folder {
        folders[here.folder] ?? makeFolder(here: here)
    }

    /// The navigation items of `pages`, seen from the folder of `here`: taken from the
    /// table when it has the section's, else made.
    package func navigationItems(of section: Section, window: Range<Int>, here: SitePath) -> ArraySlice<NavigationItem> {
        if let items = folders[here.folder]?.items[section.slug] { return items[window] }
        return navigationItems(section.pages[window], here: here)[...]
    }

    private func navigationItems(_ pages: ArraySlice<Page>, here: SitePath) -> [NavigationItem] {
        pages.map { page in
            let output = page.output
            let title = TemplateValue.text(page.frontMatter.title), href = TemplateValue.text(here.relative(to: output))
            return NavigationItem(output: output, entry: ["title": title, "href": href, "current": false],
                                  currentEntry: ["title": title, "href": href, "current": true])
        }
    }

    private func makeFolder(here: SitePath) -> Folder {
        let config = linked.site.config
        func href(_ path: SitePath) -> TemplateValue { .text(here.relative(to: path)) }
        var shared: TemplateObject = [
            "lang": .text(config.language),
            "siteTitle": .text(config.title),
            "cssHref": href(SitePath("assets/style.css")),
            "homeHref": href(.home),
            "exercisesHref": href(.exerciseIndex),
            "searchScriptHref": href(.searchScript),
            "searchIndexHref": href(.searchIndex),
            "printHref": href(.print),
            "planHref": href(.plan),
            "emergency": PageContext.emergency(config.emergency),
        ]
        if let emergency = linked.emergencyPage { shared["emergencyHref"] = href(output(emergency)) }
        if let stop = linked.stopPage { shared["stopHref"] = href(output(stop)) }
        let sections = linked.site.sections.map { section in
            let title = section.index.frontMatter.title, link = here.relative(to: output(section.index.source))
            return SectionLink(slug: section.slug, title: title, href: link,
                               entry: ["title": .text(title), "href": .text(link), "current": false])
        }
        return Folder(shared: shared, sections: sections)
    }
}
