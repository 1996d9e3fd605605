import HandbookCore
import Loading
import Rendering
import Linking
import Templating

extension IncrementalBuild {
    /// Fills what this build changed into the last good plan (every page, the first time):
    /// article pages now, pages that list or show many others into ``pending``.
    /// - Returns: The plan, the paths that changed, and how many pages were filled.
    package mutating func fill(
        _ linked: LinkedSite, library: TemplateLibrary, templates: TemplateSources
    ) async -> (plan: OutputPlan, changed: Set<SitePath>, filled: Int) {
        guard let last = lastGood, !fillsEverything else {
            let plan = await linked.templated(with: library, assets: templates.assets)
            let described = Set(linked.outputPages.map(linked.path(of:))).union(Self.copies(linked, templates).map(\.path))
            fillsEverything = fillsEverything || !Set(plan.files.keys).isSubset(of: described)
            pending = []
            guard let last = lastGood else { return (plan, Set(plan.files.keys), linked.outputPages.count) }
            let touched = Self.copies(linked, templates).filter { changedSinceGood?.contains($0.source) ?? true }.map(\.path)
            return (plan, Self.differences(plan, last.plan).union(touched), linked.outputPages.count)
        }
        let invalidation = OutputInvalidation(
            old: last.linked, new: linked, edited: editedSinceGood,
            changedTemplates: templates.changedTemplates(since: last.templates, library: library))
        let direct = invalidation.direct
        let work = direct.union(invalidation.candidates)
        pending.formUnion(work.filter { !$0.isArticle })
        let filled = await work.filter(\.isArticle).concurrentMap { output -> (SitePath, [UInt8])? in
            let context = linked.context(of: output)
            if !direct.contains(output), last.linked.context(of: output) == context { return nil }
            return (linked.path(of: output), library.render(linked.template(of: output), context))
        }.compactMap { $0 }

        var plan = last.plan
        var changed: Set<SitePath> = []
        let copies = Self.copies(linked, templates)
        // Pages and files can only have gone when the reading order, settings or assets changed
        // (arrays that an edit did not touch compare in constant time: they share storage).
        let old = last.linked
        if old.readingOrder != linked.readingOrder || old.site.config != linked.site.config
            || old.site.assets != linked.site.assets || templates.assets != last.templates.assets {
            let kept = Set(linked.outputPages.map(linked.path(of:))).union(copies.map(\.path))
            for path in last.plan.files.keys where !kept.contains(path) {
                plan.remove(path)
                changed.insert(path)
            }
        }
        for (path, source) in copies {
            let touched = changedSinceGood.map { $0.contains(source) } ?? true
            if touched || last.plan.files[path] != .copy(from: source) { changed.insert(path) }
            plan.copy(source, to: path)
        }
        for (path, html) in filled {
            plan.add(path, html)
            if plan.files[path] != last.plan.files[path] { changed.insert(path) }
        }
        return (plan, changed, filled.count)
    }

    /// The files copied as they are: content assets beside their pages, template assets.
    private static func copies(_ linked: LinkedSite, _ templates: TemplateSources) -> [(path: SitePath, source: String)] {
        (linked.site.assets + templates.assets).map { (SitePath($0.source), $0.absolutePath) }
    }

    /// Paths whose contents differ between two plans, or that only one has.
    private static func differences(_ new: OutputPlan, _ old: OutputPlan) -> Set<SitePath> {
        Set(new.files.keys.filter { new.files[$0] != old.files[$0] }).union(old.files.keys.filter { new.files[$0] == nil })
    }
}
