import HandbookCore

extension Site {
    /// Loads `Content/`: settings, sections, pages and assets. Reads and decodes pages
    /// in parallel; collects every problem instead of stopping at the first.
    /// - Parameters:
    ///   - contentFolder: The content folder, as the author named it (diagnostics use this prefix).
    ///   - includeDrafts: Whether pages with `draft: true` are kept.
    ///   - fileSystem: Where to read.
    /// - Returns: The site (nil when settings are unusable) and every diagnostic found.
    /// - Throws: ``FileSystemError`` when the content folder can't be read at all.
    public static func load(
        from contentFolder: String, includeDrafts: Bool = false, fileSystem: FileSystem = .disk
    ) async throws -> (site: Site?, drafts: Set<String>, diagnostics: [Diagnostic]) {
        try await load(from: contentFolder, includeDrafts: includeDrafts, fileSystem: fileSystem) { files in
            try await files.concurrentMap { file in
                try loadPage(source: file.source, absolute: file.absolute, root: contentFolder, fileSystem: fileSystem)
            }
        }
    }

    /// One loaded Markdown file: the page, or the diagnostics that kept it out.
    package typealias LoadedPage = (page: Page?, diagnostics: [Diagnostic])

    /// ``load(from:includeDrafts:fileSystem:)`` with the per-file step supplied by the caller,
    /// so ``IncrementalBuild`` can answer unchanged files from its cache. Everything else
    /// (the walk, settings, sections, collisions) is the same code for both.
    /// - Parameter loadPages: Loads the walk's Markdown files, returning one result per file, in order.
    package static func load(
        from contentFolder: String, includeDrafts: Bool, fileSystem: FileSystem,
        loadPages: ([(source: String, absolute: String)]) async throws -> [LoadedPage]
    ) async throws -> (site: Site?, drafts: Set<String>, diagnostics: [Diagnostic]) {
        let walk = try ContentWalk(root: contentFolder, fileSystem: fileSystem)
        var diagnostics = walk.diagnostics
        let (config, configProblems) = loadConfig(contentFolder, fileSystem: fileSystem)
        diagnostics += configProblems

        var loaded = try await loadPages(walk.markdown)
        var built: [Page] = []
        built.reserveCapacity(loaded.count)
        var drafts: Set<String> = []
        for (page, problems) in loaded {
            diagnostics += problems
            guard let page else { continue }
            if page.frontMatter.isDraft && !includeDrafts { drafts.insert(page.source) } else { built.append(page) }
        }
        loaded = []

        // Collisions are found beside the assembling, on the other core: both read every
        // page, and neither needs the other.
        let sources = built.map(\.source) + walk.assets.map(\.source)
        async let collisions = outputCollisions(sources: sources, root: contentFolder)
        let (sections, sectionProblems) = assemble(consume built, walk: walk, root: contentFolder)
        diagnostics += await collisions
        diagnostics += sectionProblems
        let (topics, topicProblems) = loadTopics(contentFolder, fileSystem: fileSystem)
        diagnostics += topicProblems
        guard let config else { return (nil, drafts, diagnostics) }
        var site = Site(config: config, sections: sections, assets: walk.assets)
        site.topics = topics
        return (site, drafts, diagnostics)
    }

    private static func loadConfig(_ root: String, fileSystem: FileSystem) -> (SiteConfig?, [Diagnostic]) {
        let file = joinPath(root, "handbook.yml")
        guard let bytes = try? fileSystem.read(file) else {
            return (nil, [Diagnostic(file: file, rule: .config, message: Message.missingConfig)])
        }
        guard let text = String(validating: bytes, as: UTF8.self) else {
            return (nil, [Diagnostic(file: file, rule: .encoding, message: Message.encoding())])
        }
        return YAMLDocument(file: file, yaml: text, firstLine: 1).decodeConfig()
    }

    private static func loadTopics(_ root: String, fileSystem: FileSystem) -> ([Topic], [Diagnostic]) {
        let file = joinPath(root, "topics.yml")
        guard let bytes = try? fileSystem.read(file) else { return ([], []) }
        guard let text = String(validating: bytes, as: UTF8.self) else {
            return ([], [Diagnostic(file: file, rule: .encoding, message: Message.encoding())])
        }
        return Topic.parse(text, file: file)
    }

    /// Reads, splits and decodes one Markdown file.
    package static func loadPage(
        source: String, absolute: String, root: String, fileSystem: FileSystem
    ) throws -> (page: Page?, diagnostics: [Diagnostic]) {
        loadPage(source: source, bytes: try fileSystem.read(absolute), root: root)
    }

    /// Splits and decodes one Markdown file's bytes, already read.
    package static func loadPage(source: String, bytes: [UInt8], root: String) -> (page: Page?, diagnostics: [Diagnostic]) {
        let file = joinPath(root, source)
        let slug = Page.slug(ofSource: source)
        var diagnostics: [Diagnostic] = []
        if slug == "index" {
            diagnostics.append(Diagnostic(file: file, rule: .duplicateSlug, message: Message.reservedIndex))
        } else if slug != "_index", !isValidSlug(slug) {
            diagnostics.append(Diagnostic(file: file, rule: .slug, message: Message.slug(slug)))
        }
        switch SourceFile.split(bytes) {
        case .failure(let problem):
            diagnostics.append(Diagnostic(file: file, line: problem.line, column: problem.column, rule: problem.rule, message: problem.message))
            return (nil, diagnostics)
        case .success(let split):
            let document = YAMLDocument(file: file, yaml: split.yaml, firstLine: split.yamlLine)
            let (frontMatter, problems, keyLines) = document.decodeFrontMatter(schema: slug == "_index" ? .sectionIndex : .page)
            diagnostics += problems
            guard let frontMatter, diagnostics.isEmpty else { return (nil, diagnostics) }
            var page = Page(source: source, file: file, frontMatter: frontMatter, body: split.body, bodyLine: split.bodyLine)
            page.keyLines = keyLines
            return (page, [])
        }
    }

    /// Groups pages into sections and sorts both by `order`, then title.
    private static func assemble(_ pages: consuming [Page], walk: ContentWalk, root: String) -> ([Section], [Diagnostic]) {
        var diagnostics: [Diagnostic] = []
        var sections: [Section] = []
        var bySection: [String: [Page]] = [:]
        // Popped, so moved rather than copied; each section is sorted below whatever its order.
        while let page = pages.popLast() {
            let section = page.section
            bySection[section, default: []].append(consume page)
        }
        let indexFiles = Set(walk.markdown.map(\.source).filter { $0.hasUTF8Suffix("/_index.md") })
        for folder in walk.sectionFolders.sorted() {
            let file = joinPath(root, folder)
            if !isValidSlug(folder) {
                diagnostics.append(Diagnostic(file: file, rule: .slug, message: Message.slug(folder)))
            }
            guard indexFiles.contains(folder + "/_index.md") else {
                diagnostics.append(Diagnostic(file: file, rule: .missingIndex, message: Message.missingIndex(folder)))
                continue
            }
            // An `_index.md` that failed to load is reported already; don't pile on.
            var members = bySection.removeValue(forKey: folder) ?? []
            // `first(where:)` and `removeAll(where:)` would copy every page they look at. A
            // folder has one `_index.md`.
            guard let position = members.indices.first(where: { Page.isSectionIndex(members[$0].source) }) else { continue }
            let index = members.remove(at: position)
            members.sort(by: readingOrder)
            sections.append(Section(slug: folder, index: index, pages: members))
        }
        return (sections.sorted { readingOrder($0.index, $1.index) }, diagnostics)
    }

    /// `order` first (pages without one go last), then title, then path for a stable tie-break.
    package static func readingOrder(_ lhs: Page, _ rhs: Page) -> Bool {
        // The tuple comparison `(order, title, source) <`, field by field, without building tuples.
        let left = lhs.frontMatter.order ?? Int.max, right = rhs.frontMatter.order ?? Int.max
        if left != right { return left < right }
        if lhs.frontMatter.title != rhs.frontMatter.title { return lhs.frontMatter.title < rhs.frontMatter.title }
        return lhs.source < rhs.source
    }

    /// Two files written to one output path (an asset `bridge.html` beside `bridge.md`, say).
    private static func outputCollisions(sources: [String], root: String) -> [Diagnostic] {
        var owners: [String: String] = [:]
        owners.reserveCapacity(sources.count)
        var diagnostics: [Diagnostic] = []
        for source in sources {
            let output = outputPath(forSource: source)
            if let other = owners[output] {
                diagnostics.append(Diagnostic(file: joinPath(root, source), rule: .duplicateSlug,
                                              message: Message.duplicateOutput(output, other)))
            } else {
                owners[output] = source
            }
        }
        return diagnostics
    }
}
