import HandbookCore
import Loading
import Markdown
import Rendering
import Linking
import Templating

extension IncrementalBuild {
    /// The common edit, made fast: some pages' bodies changed and nothing else did (same front
    /// matter, no file added or removed, no template or setting touched). Then the site's
    /// structure stands, and the last site graph is patched instead of rebuilt: the edited
    /// pages are rendered, their backlinks moved, and only they and the pages linking to them
    /// are checked again. Each step is linear in the edit, not in the site, but for the final
    /// gathering of diagnostics, where the last sorted list keeps every other file's.
    /// - Parameter changed: Absolute paths from the watcher.
    /// - Returns: The result, or nil when the edit is not of this kind (the caller then runs
    ///   the whole incremental build, which handles every edit).
    package mutating func rebuildBodies(_ changed: Set<String>) async -> Result? {
        guard lastWasGood, let last = lastGood, let library = compiled?.library, !changed.isEmpty else { return nil }
        var edits: [(source: String, entry: SourceCache.Entry)] = []
        for path in changed {
            guard let source = sources.sourceByAbsolute[path] else {
                // A file that came and went within the batch (`sed -i`'s temporary file) changed
                // nothing; any other unknown path is a new file or folder.
                if build.fileSystem.kind(path) == nil { continue }
                return nil
            }
            guard let old = sources.entries[source], let bytes = try? build.fileSystem.read(path) else { return nil }
            if bytes == old.bytes { continue }
            let (page, problems) = Site.loadPage(source: source, bytes: bytes, root: build.contentFolder)
            guard let page, problems.isEmpty, let before = old.page, page.frontMatter == before.frontMatter else { return nil }
            edits.append((source, SourceCache.Entry(absolute: path, bytes: bytes, page: page, diagnostics: [])))
        }
        let built = edits.filter { last.linked.page($0.source) != nil }
        let settings = RenderSettings(last.linked.site.config)
        let rendered = await built.concurrentMap(eachTask: CmarkArena.init) { arena, edit in
            Rendering.render(edit.entry.page!, settings: settings, arena: arena)
        }
        for edit in edits {
            var entry = edit.entry
            if let position = built.firstIndex(where: { $0.source == edit.source }) {
                (entry.rendered, entry.renderWarnings) = rendered[position]
            }
            sources.replace(edit.source, with: entry)
        }
        let edited = Set(built.map(\.source))
        guard !edited.isEmpty else { return Result(report: lastReport(last), changedPaths: [], filledPages: 0) }

        let linked = patched(last.linked, with: rendered.map(\.0))
        guard let (linkProblems, rechecked) = links.recheck(edited, old: last.linked, in: linked),
              let checkProblems = await checks.recheck(edited, reporting: rechecked, in: linked, context: build.checkContext)
        else { return nil }
        // Only the rechecked pages' files can have new diagnostics: replace theirs, keep the rest.
        let files = Set(rechecked.compactMap { linked.page($0)?.page.file })
        let fresh = (preRenderDiagnostics + linked.rendered.diagnostics).filter { files.contains($0.file) } + linkProblems + checkProblems
        let diagnostics = lastDiagnostics.replacing(files, with: fresh)
        lastDiagnostics = diagnostics
        editedSinceGood.formUnion(edited)
        changedSinceGood?.formUnion(changed)
        guard !diagnostics.hasErrors else {
            lastWasGood = false
            return Result(report: report(diagnostics, plan: nil, linked), changedPaths: [], filledPages: 0)
        }
        let (plan, changedPaths, filled) = await fill(linked, library: library, templates: last.templates)
        lastGood = LastGood(linked: linked, templates: last.templates, library: library, plan: plan)
        editedSinceGood = []
        changedSinceGood = []
        return Result(report: report(diagnostics, plan: plan, linked), changedPaths: changedPaths, filledPages: filled)
    }

    /// The last site graph with some pages rendered anew: the site, its rendering and the
    /// backlinks follow; reading order, sections and indexes are unchanged.
    private func patched(_ old: LinkedSite, with pages: [RenderedPage]) -> LinkedSite {
        var linked = old
        for page in pages {
            let source = page.page.source
            guard let section = linked.rendered.site.sections.firstIndex(where: { $0.slug == page.page.section }) else { continue }
            if page.page.isSectionIndex {
                linked.rendered.site.sections[section].index = page.page
            } else if let position = linked.rendered.site.sections[section].pages.firstIndex(where: { $0.source == source }) {
                linked.rendered.site.sections[section].pages[position] = page.page
            }
            linked.rendered[page: source] = page
            let before = Self.pageTargets(of: old.page(source), in: old), after = Self.pageTargets(of: page, in: old)
            for target in before.subtracting(after) {
                linked.backlinks[target]?.removeAll { $0 == source }
                if linked.backlinks[target]?.isEmpty == true { linked.backlinks[target] = nil }
            }
            for target in after.subtracting(before) {
                var list = linked.backlinks[target] ?? []
                list.append(source)
                linked.backlinks[target] = list.sorted { linked.positions[$0]! < linked.positions[$1]! }
            }
        }
        let files = Set(pages.map(\.page.file))
        linked.rendered.diagnostics.removeAll { files.contains($0.file) }
        linked.rendered.diagnostics += pages.flatMap { sources.entries[$0.page.source]?.renderWarnings ?? [] }
        return linked
    }

    /// The pages a page links to, as backlinks count them: other built pages.
    private static func pageTargets(of page: RenderedPage?, in linked: LinkedSite) -> Set<String> {
        guard let page else { return [] }
        return Set(page.links.compactMap { link in
            guard case .page(let target) = link.target, target != page.page.source, linked.page(target) != nil else { return nil }
            return target
        })
    }

    private func report(_ diagnostics: [Diagnostic], plan: OutputPlan?, _ linked: LinkedSite) -> Build.Report {
        Build.Report(diagnostics: diagnostics, plan: plan, pageCount: linked.site.pageCount, exerciseCount: linked.site.exerciseCount)
    }


    private func lastReport(_ last: LastGood) -> Build.Report {
        report(lastDiagnostics, plan: last.plan, last.linked)
    }
}

extension [Diagnostic] {
    /// This sorted list with some files' diagnostics replaced, still sorted. The list is
    /// sorted by file first, so each file's run is found by binary search: the work grows
    /// with the edit, not with the site's thousands of warnings.
    package func replacing(_ files: Set<String>, with fresh: [Diagnostic]) -> [Diagnostic] {
        var result = self
        for file in files {
            let start = result.partitionPoint(from: 0) { !($0.file < file) }
            result.removeSubrange(start..<result.partitionPoint(from: start) { $0.file != file })
        }
        for diagnostic in fresh.sorted() {
            result.insert(diagnostic, at: result.partitionPoint(from: 0) { diagnostic < $0 })
        }
        return result
    }

    /// The first index from `start` whose element satisfies `isPast`, which must be false
    /// and then true along the list from there.
    private func partitionPoint(from start: Int, _ isPast: (Diagnostic) -> Bool) -> Int {
        var (low, high) = (start, count)
        while low < high {
            let middle = (low + high) / 2
            if isPast(self[middle]) { high = middle } else { low = middle + 1 }
        }
        return low
    }
}
