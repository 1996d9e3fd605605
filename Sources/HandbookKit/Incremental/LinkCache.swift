import HandbookCore
import Linking

/// The link checker's results per page, so a body edit re-checks only the edited pages and
/// the pages that link to them (whose `#anchors` may name a heading that changed).
package struct LinkCache: Sendable {
    private var checker: LinkChecker?
    /// Link and anchor diagnostics by source path.
    private var byPage: [String: [Diagnostic]] = [:]
    /// Pages that link to a page by its output name (`bridge.html#x`), which backlinks leave out.
    private var fileLinkers: [String: Set<String>] = [:]

    /// Takes a whole link check's results, as ``RenderedSite/linked(drafts:)`` reported them.
    /// - Parameters:
    ///   - linked: The site graph.
    ///   - drafts: The drafts left out of the build.
    ///   - diagnostics: The link check's diagnostics, which name their page's file.
    package mutating func reset(_ linked: LinkedSite, drafts: Set<String>, diagnostics: [Diagnostic]) {
        checker = LinkChecker(site: linked.rendered, drafts: drafts)
        let byFile = Dictionary(grouping: diagnostics, by: \.file)
        byPage = [:]
        fileLinkers = [:]
        for page in linked.site.allPages {
            if let found = byFile[page.file] { byPage[page.source] = found }
            noteFileLinks(of: page.source, in: linked)
        }
    }

    /// Checks `edited` pages again, with every page that links to one of them.
    /// - Parameters:
    ///   - edited: Source paths whose bodies changed; the site's structure did not.
    ///   - old: The site graph before the edit.
    ///   - linked: The site graph after it.
    /// - Returns: The link diagnostics of the pages checked again, and those pages; nil when
    ///   there was no whole check to patch.
    package mutating func recheck(_ edited: Set<String>, old: LinkedSite, in linked: LinkedSite) -> (diagnostics: [Diagnostic], rechecked: Set<String>)? {
        guard var checker else { return nil }
        checker.site = linked.rendered
        self.checker = checker
        var pages = edited
        for source in edited {
            pages.formUnion(old.backlinks[source] ?? [])
            pages.formUnion(linked.backlinks[source] ?? [])
            pages.formUnion(fileLinkers[outputPath(forSource: source)] ?? [])
        }
        for source in edited { forgetFileLinks(of: source, in: old) }
        for source in pages {
            guard let page = linked.page(source) else { continue }
            byPage[source] = checker.check(page)
            if edited.contains(source) { noteFileLinks(of: source, in: linked) }
        }
        return (pages.flatMap { byPage[$0] ?? [] }, pages)
    }

    private mutating func noteFileLinks(of source: String, in linked: LinkedSite) {
        for case .file(let target) in linked.page(source)?.links.map(\.target) ?? [] {
            fileLinkers[target, default: []].insert(source)
        }
    }

    private mutating func forgetFileLinks(of source: String, in linked: LinkedSite) {
        for case .file(let target) in linked.page(source)?.links.map(\.target) ?? [] {
            fileLinkers[target]?.remove(source)
        }
    }
}
