import HandbookCore
import Loading
import Rendering
import Linking
import Templating

/// A build that remembers what it read, rendered and filled, so the next build after an edit
/// re-reads only the files that changed, re-renders only the pages whose files changed, and
/// refills only the pages the edit shows up on. The preview server keeps one and calls
/// ``rebuild(changed:)`` after each batch of file events.
///
/// A rebuild fills article pages at once and leaves the pages that list or show many others
/// (home, section pages, the exercise index, the print and plan pages, the search index,
/// the sitemap) to ``fillPendingPages()``: on a large site those cost far more than the page
/// that was edited, and the author is looking at that page. After both calls the plan equals
/// a full build's, byte for byte; `IncrementalBuildTests` checks it after every kind of edit.
///
/// It runs the stages of ``Build/plan()`` in the same order.
public struct IncrementalBuild: Sendable {
    /// The folders and options, as for a full build.
    public let build: Build

    package var sources = SourceCache()
    package var checks = CheckCache()
    package var links = LinkCache()
    /// Whether the last rebuild succeeded, so the caches describe ``lastGood``.
    package var lastWasGood = false
    /// The last whole build's diagnostics from before rendering: templates, walk, loading.
    package var preRenderDiagnostics: [Diagnostic] = []
    /// The last rebuild's diagnostics, sorted.
    package var lastDiagnostics: [Diagnostic] = []
    package var compiled: (sources: TemplateSources, library: TemplateLibrary?, diagnostics: [Diagnostic])?
    package var lastGood: LastGood?
    /// Sources decoded afresh since the last good build: a failed build between two good ones
    /// must not hide its edits from the next.
    package var editedSinceGood: Set<String> = []
    /// Absolute paths changed since the last good build; nil when unknown (every file).
    package var changedSinceGood: Set<String>? = []
    /// Pages left for ``fillPendingPages()``.
    package var pending: Set<OutputPage> = []
    /// Whether the first build found outputs that ``OutputPage`` does not describe: then every
    /// later build fills every page, which is slow but never wrong.
    package var fillsEverything = false

    /// The last build without errors: what the next one is compared with and patched from.
    package struct LastGood: Sendable {
        package var linked: LinkedSite
        package var templates: TemplateSources
        package var library: TemplateLibrary
        package var plan: OutputPlan
    }

    /// What one rebuild did.
    public struct Result: Sendable {
        /// The diagnostics, counts and, when there were no errors, the plan (complete but for
        /// the pending pages, whose last good contents it keeps).
        public var report: Build.Report
        /// Output paths that were added, removed or may have new contents since the previous
        /// result (copied files whose source changed included). Empty when the build failed.
        public var changedPaths: Set<SitePath>
        /// How many pages were filled from their templates.
        public var filledPages: Int
    }

    /// Creates an incremental build that has built nothing yet.
    /// - Parameter build: The folders and options.
    public init(_ build: Build) {
        self.build = build
    }

    /// Whether some pages still show the site as it was before the last rebuild.
    public var hasPendingPages: Bool { !pending.isEmpty }

    /// Builds the site again, reusing everything an edit did not touch.
    /// - Parameter changed: Absolute, symlink-free paths of the files that changed since the last
    ///   call, as a file watcher reports them; nil when unknown, to re-read every file.
    /// - Returns: The report, and which output paths changed.
    /// - Throws: ``FileSystemError`` when a folder or a changed file can't be read.
    public mutating func rebuild(changed: Set<String>? = nil) async throws -> Result {
        if let changed, let result = await rebuildBodies(changed) { return result }
        let fileSystem = build.fileSystem
        let (templateSources, templateReadProblems) = try TemplateSources.load(from: build.templatesFolder, fileSystem: fileSystem)
        if compiled?.sources != templateSources {
            let (library, problems) = TemplateLibrary.compile(templateSources)
            compiled = (templateSources, library, problems)
        }
        var cache = sources
        let root = build.contentFolder
        let (site, drafts, loadProblems) = try await Site.load(
            from: root, includeDrafts: build.includeDrafts, fileSystem: fileSystem
        ) { files in
            try await cache.load(files, root: root, changed: changed, fileSystem: fileSystem)
        }
        editedSinceGood.formUnion(cache.fresh)
        if let changed { changedSinceGood?.formUnion(changed) } else { changedSinceGood = nil }
        var diagnostics = templateReadProblems + (compiled?.diagnostics ?? []) + loadProblems
        preRenderDiagnostics = diagnostics
        lastWasGood = false
        guard let site else {
            sources = cache
            return failed(diagnostics, pages: 0, exercises: 0)
        }
        let rendered = await cache.render(site)
        sources = cache
        let (linked, linkProblems) = await rendered.linked(drafts: drafts)
        links.reset(linked, drafts: drafts, diagnostics: linkProblems)
        diagnostics += rendered.diagnostics + linkProblems + (await checks.check(linked, context: build.checkContext))
        let pages = site.pageCount
        let exercises = site.exerciseCount
        guard let library = compiled?.library, !diagnostics.hasErrors else {
            return failed(diagnostics, pages: pages, exercises: exercises)
        }
        let (plan, changedPaths, filled) = await fill(linked, library: library, templates: templateSources)
        lastGood = LastGood(linked: linked, templates: templateSources, library: library, plan: plan)
        editedSinceGood = []
        changedSinceGood = []
        lastWasGood = true
        lastDiagnostics = diagnostics.sortedForOutput()
        return Result(report: .init(diagnostics: lastDiagnostics, plan: plan, pageCount: pages, exerciseCount: exercises),
                      changedPaths: changedPaths, filledPages: filled)
    }

    /// Fills the pages the last rebuilds left pending.
    /// - Returns: The completed plan, with the last good build's diagnostics and counts; nil
    ///   when nothing was pending.
    public mutating func fillPendingPages() async -> Result? {
        guard var last = lastGood, !pending.isEmpty else { return nil }
        let linked = last.linked
        let library = last.library
        let filled = await Array(pending).concurrentMap { output in
            (linked.path(of: output), library.render(linked.template(of: output), linked.context(of: output)))
        }
        pending = []
        var changed: Set<SitePath> = []
        for (path, html) in filled {
            let before = last.plan.files[path]
            last.plan.add(path, html)
            if last.plan.files[path] != before { changed.insert(path) }
        }
        lastGood = last
        let report = Build.Report(diagnostics: [], plan: last.plan, pageCount: linked.site.pageCount,
                                  exerciseCount: linked.site.exerciseCount)
        return Result(report: report, changedPaths: changed, filledPages: filled.count)
    }

    private func failed(_ diagnostics: [Diagnostic], pages: Int, exercises: Int) -> Result {
        Result(report: .init(diagnostics: diagnostics.sortedForOutput(), plan: nil, pageCount: pages, exerciseCount: exercises),
               changedPaths: [], filledPages: 0)
    }
}
