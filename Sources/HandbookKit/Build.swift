import HandbookCore
import Loading
import Rendering
import Linking
import Checking
import Templating
import Writing

/// The whole pipeline: `load → render → link → check → template → write`.
public struct Build: Sendable {
    public var contentFolder: String
    public var templatesFolder: String
    public var outputFolder: String
    public var includeDrafts: Bool
    public var fileSystem: FileSystem
    /// Inputs to the content rules, such as today's date for `review-due`.
    public var checkContext = CheckContext()

    /// What a build produced.
    public struct Report: Sendable {
        /// Every problem, sorted by file and line.
        public var diagnostics: [Diagnostic]
        /// The output, from ``plan()`` when there were no errors (``run()`` writes pages as
        /// it fills them, and leaves this nil).
        public var plan: OutputPlan?
        public var pageCount: Int
        public var exerciseCount: Int
        /// Time spent in each stage.
        public var times = StageTimes()
    }

    /// Creates a build configuration.
    public init(contentFolder: String = "Content", templatesFolder: String = "Templates",
                outputFolder: String = "Public", includeDrafts: Bool = false, fileSystem: FileSystem = .disk) {
        self.contentFolder = contentFolder
        self.templatesFolder = templatesFolder
        self.outputFolder = outputFolder
        self.includeDrafts = includeDrafts
        self.fileSystem = fileSystem
    }

    /// Runs every stage up to the output plan, writing nothing.
    /// - Returns: The plan (nil on any error) and every diagnostic.
    /// - Throws: ``FileSystemError`` when a folder can't be read at all.
    public func plan() async throws -> Report {
        var (report, ready) = try await checkedSite()
        report.diagnostics = report.diagnostics.sortedForOutput()
        guard let ready else { return report }
        report.plan = await ready.linked.templated(with: ready.templates, assets: ready.assets)
        report.times.lap("template")
        return report
    }

    /// Runs every stage that can find a problem: everything but filling the templates, which
    /// reports nothing that compiling them didn't. What `handbook check` runs.
    /// - Returns: Every diagnostic; the plan is nil.
    /// - Throws: ``FileSystemError`` when a folder can't be read at all.
    public func check() async throws -> Report {
        var report = try await checkedSite().0
        report.diagnostics = report.diagnostics.sortedForOutput()
        return report
    }

    /// Runs the pipeline and, when it found no errors, fills every page and writes it into a
    /// folder beside the output, which then replaces the output in one step. Pages are
    /// written as they are filled, never all held in memory.
    /// - Returns: The report; the output was written when it has no errors. Its `plan` is nil.
    /// - Throws: ``FileSystemError`` on I/O failure (the previous output stays intact).
    public func run() async throws -> Report {
        let (unsorted, ready) = try await checkedSite()
        // Sorted while the pages are written: a large site has thousands of warnings.
        async let diagnostics = unsorted.diagnostics.sortedForOutput()
        var report = unsorted
        guard let ready else {
            report.diagnostics = await diagnostics
            return report
        }
        let fileSystem = fileSystem
        try await AtomicFolder.replace(outputFolder, fileSystem: fileSystem) { root in
            try await ready.linked.write(with: ready.templates, assets: ready.assets, to: .folder(root, fileSystem: fileSystem))
        }
        report.times.lap("template+write")
        report.diagnostics = await diagnostics
        releaseInBackground(consume ready)
        return report
    }

    /// The stages up to templating. The report's diagnostics are not yet sorted.
    /// - Returns: The report so far and, when there are no errors, what templating needs.
    private func checkedSite() async throws -> (Report, Checked?) {
        var times = StageTimes()
        let (site, drafts, loadProblems, templates) = try await loadedInputs()
        times.lap("templates+load")
        var diagnostics = templates.problems + loadProblems
        guard let site else { return (Report(diagnostics: diagnostics, plan: nil, pageCount: 0, exerciseCount: 0, times: times), nil) }

        let rendered = await (consume site).rendered()
        times.lap("render")
        let (linked, linkProblems) = await rendered.linked(drafts: drafts)
        times.lap("link")
        diagnostics += rendered.diagnostics + linkProblems + (await linked.checked(checkContext))
        times.lap("check")
        let report = Report(diagnostics: diagnostics, plan: nil, pageCount: rendered.site.pageCount,
                            exerciseCount: rendered.site.exerciseCount, times: times)
        guard let library = templates.library, !diagnostics.hasErrors else { return (report, nil) }
        return (report, Checked(linked: linked, templates: library, assets: templates.sources.assets))
    }

    /// Loads the content while the templates are read and compiled beside it, on the core the
    /// page loads leave free at first. A missing templates folder is still reported first.
    /// A function of its own so that the caller, with no `async let` in scope, can hand the
    /// site on to rendering without a copy, which frees each page's Markdown once rendered.
    private func loadedInputs() async throws -> (Site?, drafts: Set<String>, [Diagnostic], CompiledTemplates) {
        async let templates = { () throws -> CompiledTemplates in
            let (sources, readProblems) = try TemplateSources.load(from: templatesFolder, fileSystem: fileSystem)
            let (library, problems) = TemplateLibrary.compile(sources)
            return CompiledTemplates(sources: sources, library: library, problems: readProblems + problems)
        }()
        do {
            let (site, drafts, problems) = try await Site.load(from: contentFolder, includeDrafts: includeDrafts, fileSystem: fileSystem)
            return (site, drafts, problems, try await templates)
        } catch {
            _ = try await templates
            throw error
        }
    }

    private struct CompiledTemplates: Sendable {
        package var sources: TemplateSources
        package var library: TemplateLibrary?
        package var problems: [Diagnostic]
    }

    /// A site with no errors, ready for its templates.
    private struct Checked: Sendable {
        package var linked: LinkedSite
        package var templates: TemplateLibrary
        package var assets: [Asset]
    }
}
