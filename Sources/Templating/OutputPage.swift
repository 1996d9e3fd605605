import HandbookCore
import Loading
import Mustache
import Rendering
import Linking

/// One page the templating stage fills, named so that a rebuild can fill only the pages an
/// edit affects. ``LinkedSite/templated(with:assets:)`` fills them all; the cases, templates
/// and contexts here mirror it, and `IncrementalBuildTests` proves the two agree byte for byte.
package enum OutputPage: Hashable, Sendable {
    /// An article or exercise page, by source path (never a section intro).
    case article(String)
    /// A section's page, by slug (every section but `exercises`, whose intro is the exercise index).
    case section(String)
    case exerciseIndex, home, notFound, robots, sitemap
    /// Pages that show every page's body: the whole handbook to print, the exercise plan,
    /// the search index. Any edited page changes them.
    case print, plan, searchIndex

    /// Whether the page shows one article; every other kind lists or shows many pages.
    package var isArticle: Bool {
        if case .article = self { true } else { false }
    }

    /// Whether the page shows every page's body: the longest to fill.
    package var showsEveryPage: Bool {
        self == .print || self == .plan || self == .searchIndex
    }
}

extension LinkedSite {
    /// Every page ``templated(with:assets:)`` fills for this site, in no particular order.
    package var outputPages: [OutputPage] {
        var outputs = readingOrder.filter { !Page.isSectionIndex($0) }.map(OutputPage.article)
        outputs += site.sections.filter { $0.slug != RenderedSite.exerciseSection }.map { .section($0.slug) }
        outputs += [.exerciseIndex, .home, .notFound, .print, .plan, .searchIndex, .robots]
        if site.config.baseURL != nil { outputs.append(.sitemap) }
        return outputs
    }

    /// The page a source file's edits show up on first: its own article page, or for a
    /// section intro, the section page (the exercise index for `exercises`).
    package func output(forSource source: String) -> OutputPage {
        guard source.hasSuffix("/_index.md") else { return .article(source) }
        let slug = String(source.prefix { $0 != "/" })
        return slug == RenderedSite.exerciseSection ? .exerciseIndex : .section(slug)
    }

    /// Where an output page is written.
    package func path(of output: OutputPage) -> SitePath {
        path(of: output, table: nil)
    }

    /// Where an output page is written.
    /// - Parameter table: The link table made for filling every page, which knows articles' paths.
    package func path(of output: OutputPage, table: LinkTable?) -> SitePath {
        switch output {
        case .article(let source): table?.output(source) ?? SitePath(outputPath(forSource: source))
        case .section(let slug): SitePath(outputPath(forSource: slug + "/_index.md"))
        case .exerciseIndex: .exerciseIndex
        case .home: .home
        case .notFound: .notFound
        case .robots: SitePath("robots.txt")
        case .sitemap: SitePath("sitemap.xml")
        case .print: .print
        case .plan: .plan
        case .searchIndex: .searchIndex
        }
    }

    /// The top-level template that fills an output page.
    package func template(of output: OutputPage) -> String {
        template(of: output, table: nil)
    }

    /// The top-level template that fills an output page.
    /// - Parameter table: The link table made for filling every page, which knows which pages are exercises
    ///   (those with a level).
    package func template(of output: OutputPage, table: LinkTable?) -> String {
        switch output {
        case .article(let source): (table ?? LinkTable(linked: self)).summary(source)?.level == nil ? "page" : "exercise"
        case .section: "section"
        case .exerciseIndex: "exercises"
        case .home: "index"
        case .notFound: "404"
        case .robots: "robots.txt"
        case .sitemap: "sitemap.xml"
        case .print: "print"
        case .plan: "plan"
        case .searchIndex: "search-index.js"
        }
    }

    /// The context the template sees for an output page; empty when the page is gone.
    /// - Parameter table: The link table made for filling every page, when filling them all.
    package func context(of output: OutputPage, table: LinkTable? = nil) -> TemplateObject {
        switch output {
        case .article(let source):
            guard let page = page(source) else { return [:] }
            return PageContext(linked: self, here: path(of: output, table: table), table: table).article(page)
        case .section(let slug):
            guard let section = site.sections.first(where: { $0.slug == slug }) else { return [:] }
            return sectionContext(section, table: table)
        case .exerciseIndex: return exerciseIndexContext(table: table)
        case .home: return homeContext(table: table)
        case .notFound: return notFoundContext()
        case .robots, .sitemap: return siteFileContext()
        case .print: return printContext(table: table)
        case .plan: return planContext(table: table)
        case .searchIndex: return searchIndexContext()
        }
    }
}
