import Loading
import Linking
import Templating

/// Which output pages an edit may have changed, worked out from the last good site graph and
/// the new one. Two sets: pages that certainly changed (an edited body, a changed template),
/// refilled without question; and candidates that show something that changed (a title in the
/// navigation, a neighbour, a backlink), refilled only when their template context differs.
///
/// Candidates may be generous, since the context comparison filters them, but never short:
/// `IncrementalBuildTests` checks every kind of edit against a full build.
package struct OutputInvalidation {
    /// Pages to refill.
    package var direct: Set<OutputPage> = []
    /// Pages to refill when their context changed.
    package var candidates: Set<OutputPage> = []

    /// - Parameters:
    ///   - old: The last good build's site graph.
    ///   - new: This build's site graph.
    ///   - edited: Sources whose files were decoded afresh since the last good build.
    ///   - changedTemplates: Top-level templates whose text, or a partial's they use, changed.
    package init(old: LinkedSite, new: LinkedSite, edited: Set<String>, changedTemplates: Set<String>) {
        if old.site.config != new.site.config || old.emergencyPage != new.emergencyPage || old.stopPage != new.stopPage {
            direct = Set(new.outputPages)
            return
        }
        if !changedTemplates.isEmpty {
            direct = Set(new.outputPages.filter { changedTemplates.contains(new.template(of: $0)) })
        }

        // An untouched reading order compares in constant time (the arrays share storage).
        let reordered = old.readingOrder != new.readingOrder
        let removed = reordered ? Set(old.readingOrder).subtracting(new.readingOrder) : []
        let changedPages = edited.filter { new.page($0) != nil && new.page($0) != old.page($0) }
        let touched = changedPages.union(removed)
        guard !touched.isEmpty || reordered else { return }
        for source in changedPages { direct.insert(new.output(forSource: source)) }
        direct.formUnion([.print, .plan, .searchIndex])

        // Backlink lists show the pages that link to them, before the edit and after.
        for source in touched {
            for target in Self.linkTargets(of: source, in: old) + Self.linkTargets(of: source, in: new)
            where new.page(target) != nil {
                candidates.insert(new.output(forSource: target))
            }
        }

        // Navigation, neighbours and indexes show titles, summaries and order: front matter.
        let retitled = touched.filter { old.page($0)?.page.frontMatter != new.page($0)?.page.frontMatter }
        guard !retitled.isEmpty || reordered else { return }
        let outputs = new.outputPages
        candidates.formUnion(outputs.filter(Self.isIndex))
        let sectionsChanged = old.site.sections.map(\.slug) != new.site.sections.map(\.slug)
        if sectionsChanged || retitled.contains(where: { $0.hasSuffix("/_index.md") }) {
            // Every page's navigation lists every section by its intro's title.
            candidates.formUnion(outputs)
            return
        }
        let sections = Set(retitled.map { String($0.prefix { $0 != "/" }) })
        for source in new.readingOrder where sections.contains(String(source.prefix { $0 != "/" })) {
            candidates.insert(new.output(forSource: source))
        }
        for source in retitled {
            for site in [old, new] {
                let (previous, next) = site.neighbours(of: source)
                for neighbour in [previous, next].compactMap({ $0 }) where new.page(neighbour) != nil {
                    candidates.insert(new.output(forSource: neighbour))
                }
            }
        }
        if reordered {
            for source in new.readingOrder where old.neighbours(of: source) != new.neighbours(of: source) {
                candidates.insert(new.output(forSource: source))
            }
        }
    }

    /// Pages that list many others: section pages, the exercise index, home and the sitemap.
    private static func isIndex(_ output: OutputPage) -> Bool {
        switch output {
        case .article, .notFound, .robots, .print, .plan, .searchIndex: false
        case .section, .exerciseIndex, .home, .sitemap: true
        }
    }

    private static func linkTargets(of source: String, in site: LinkedSite) -> [String] {
        (site.page(source)?.links ?? []).compactMap { link in
            if case .page(let target) = link.target { target } else { nil }
        }
    }
}

extension TemplateSources {
    /// The top-level templates whose output may differ from `old`'s: those whose own text
    /// changed, or that use (through partials and parents, at any depth) one that changed.
    /// - Parameters:
    ///   - old: The templates of the last good build.
    ///   - library: These templates, compiled.
    /// - Returns: Names of top-level templates, such as `page`.
    package func changedTemplates(since old: TemplateSources, library: TemplateLibrary) -> Set<String> {
        let before = Dictionary((old.templates + old.partials).map { ($0.name, $0.text) }, uniquingKeysWith: { first, _ in first })
        let texts = Dictionary((templates + partials).map { ($0.name, $0.text) }, uniquingKeysWith: { first, _ in first })
        let changed = Set(texts.keys.filter { before[$0] != texts[$0] }).union(before.keys.filter { texts[$0] == nil })
        guard !changed.isEmpty else { return [] }
        return Set(templates.map(\.name).filter { !library.included(from: $0).isDisjoint(with: changed) })
    }
}
