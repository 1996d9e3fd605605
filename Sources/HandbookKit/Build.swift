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
        /// The output, when there were no errors.
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
        var times = StageTimes()
        let (templateSources, templateReadProblems) = try TemplateSources.load(from: templatesFolder, fileSystem: fileSystem)
        let (library, templateProblems) = TemplateLibrary.compile(templateSources)
        times.lap("templates")
        let (site, drafts, loadProblems) = try await Site.load(from: contentFolder, includeDrafts: includeDrafts, fileSystem: fileSystem)
        times.lap("load")
        var diagnostics = templateReadProblems + templateProblems + loadProblems
        guard let site else { return Report(diagnostics: diagnostics.sorted(), plan: nil, pageCount: 0, exerciseCount: 0, times: times) }

        let rendered = await site.rendered()
        times.lap("render")
        let (linked, linkProblems) = rendered.linked(drafts: drafts)
        times.lap("link")
        diagnostics += rendered.diagnostics + linkProblems + linked.checked(checkContext)
        times.lap("check")
        let exercises = site.exerciseCount
        let pages = site.pageCount
        guard let library, !diagnostics.hasErrors else {
            return Report(diagnostics: diagnostics.sorted(), plan: nil, pageCount: pages, exerciseCount: exercises, times: times)
        }
        let plan = await linked.templated(with: library, assets: templateSources.assets)
        times.lap("template")
        return Report(diagnostics: diagnostics.sorted(), plan: plan, pageCount: pages, exerciseCount: exercises, times: times)
    }

    /// Runs the pipeline and, when it found no errors, writes the output atomically.
    /// - Returns: The report; its `plan` is nil when nothing was written.
    /// - Throws: ``FileSystemError`` on I/O failure (the previous output stays intact).
    public func run() async throws -> Report {
        var report = try await plan()
        if let plan = report.plan {
            try await plan.write(to: outputFolder, fileSystem: fileSystem)
            report.times.lap("write")
        }
        return report
    }
}
