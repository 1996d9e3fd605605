import HandbookCore
import Loading
import Markdown
import Mustache
import Rendering
import Linking

extension LinkedSite {
    /// Fills the templates for every output page, in parallel.
    /// - Parameters:
    ///   - templates: The compiled templates.
    ///   - assets: Files under `Templates/assets/`, copied to `assets/`.
    /// - Returns: The complete output plan.
    public func templated(with templates: TemplateLibrary, assets: [Asset]) async -> OutputPlan {
        var plan = OutputPlan()
        let filled = await fillEveryPage(outputPages, table: LinkTable(everyPageOf: self)) { output, table in
            (path(of: output, table: table), templates.render(template(of: output, table: table), context(of: output, table: table)))
        }
        for (path, bytes) in filled { plan.add(path, bytes) }
        for (source, path) in copies(assets) { plan.copy(source, to: path) }
        return plan
    }

    /// Fills every page and hands each to `sink` as soon as it is filled, with the files to
    /// copy: what ``templated(with:assets:)`` plans, written without holding it all.
    /// The pages that show every page are streamed while they are filled: each is as big as
    /// the site (print.html is 62 MB at 10,000 pages), and held whole they made the build's peak.
    /// - Throws: What the sink throws when a file can't be written.
    package func write(with templates: TemplateLibrary, assets: [Asset], to sink: OutputSink) async throws {
        let copies = copies(assets)
        let outputs = outputPages
        // The sink gets ready (makes folders) while the link table is made.
        async let prepared: Void = sink.prepare(outputs.map(path(of:)) + copies.map(\.path))
        let table = LinkTable(everyPageOf: self)
        try await prepared
        let failures = await fillEveryPage(outputs, table: table) { output, table -> (any Error)? in
            let path = path(of: output, table: table)
            let template = template(of: output, table: table)
            do {
                if output.showsEveryPage {
                    let stream = try FileStream(sink.open(path))
                    templates.render(template, context(of: output, table: table), drain: stream.write)
                    try stream.close()
                } else {
                    try sink.write(path, templates.render(template, context(of: output, table: table)))
                }
            } catch { return error }
            return nil
        }
        if let failure = failures.lazy.compactMap({ $0 }).first { throw failure }
        _ = try await copies.concurrentMap { try sink.copy($0.source, $0.path) }
    }

    /// Fills every output page in parallel with `fill`, given the link table made for them all,
    /// in no particular order.
    private func fillEveryPage<T: Sendable>(_ outputs: [OutputPage], table: LinkTable,
                                            _ fill: @escaping @Sendable (OutputPage, LinkTable) -> T) async -> [T] {
        // The pages that show every page take longest: each gets a task of its own, beside the rest.
        async let wholeSite = outputs.filter(\.showsEveryPage).concurrentMap { fill($0, table) }
        // Then the listing pages, which list whole sections, before the articles: filled last,
        // the home page alone kept one core busy after the other had finished.
        let listings = outputs.filter { !$0.showsEveryPage && !$0.isArticle }
        let single = await (listings + outputs.filter(\.isArticle)).concurrentMap { fill($0, table) }
        return await wholeSite + single
    }

    /// Files copied as they are: the content's images and other files, then the template assets.
    private func copies(_ assets: [Asset]) -> [(source: String, path: SitePath)] {
        (site.assets + assets).map { ($0.absolutePath, SitePath($0.source)) }
    }

    package func sectionContext(_ section: Section, table: LinkTable? = nil) -> TemplateObject {
        let context = PageContext(linked: self, here: section.index.output, table: table)
        guard let intro = page(section.index.source) else { return [:] }
        var values = context.article(intro)
        values["pages"] = .list(section.pages.map { context.entry($0.source) })
        return values
    }

    package func exerciseIndexContext(table: LinkTable? = nil) -> TemplateObject {
        let context = PageContext(linked: self, here: .exerciseIndex, table: table)
        let section = site.sections.first { $0.slug == RenderedSite.exerciseSection }
        var values: TemplateObject
        if let section, let intro = page(section.index.source) {
            values = context.article(intro)
        } else {
            values = context.common(title: "Exercises", description: "Every exercise, by type and by body area.", section: nil)
            values["title"] = "Exercises"
        }
        let index = exerciseIndex
        if !index.guides.isEmpty { values["guides"] = ["items": .list(index.guides.map(context.entry))] }
        func groups(_ groups: [ExerciseIndex.Group], prefix: String) -> TemplateValue {
            .list(groups.map { group in
                ["title": .text(group.title), "id": .text(prefix + HeadingSlugger.slug(group.title)),
                 "pages": .list(group.pages.map(context.entry))]
            })
        }
        values["byType"] = groups(index.byType, prefix: "type-")
        values["byArea"] = groups(index.byArea, prefix: "area-")
        values["exerciseCount"] = .number(index.byType.reduce(0) { $0 + $1.pages.count })
        return values
    }

    package func homeContext(table: LinkTable? = nil) -> TemplateObject {
        let context = PageContext(linked: self, here: .home, table: table)
        var values = context.common(title: nil, description: site.config.description, section: nil)
        values["title"] = .text(site.config.title)
        values["contentStructuredData"] = .text(StructuredData.website(config: site.config, url: site.config.baseURL))
        values["sections"] = .list(site.sections.map { section in
            guard case .object(var entry) = context.entry(section.index.source) else { return [:] }
            entry["pages"] = .list(section.pages.map { context.entry($0.source) })
            return .object(entry)
        })
        if let first = readingOrder.first { values["startHref"] = .text(context.href(source: first)) }
        return values
    }

    /// The 404 page is served at any depth, so it can't use relative links: it links home
    /// through `base_url` when set, else the domain root, and inlines its styles.
    package func notFoundContext() -> TemplateObject {
        let config = site.config
        return [
            "lang": .text(config.language),
            "siteTitle": .text(config.title),
            "pageTitle": .text("Page not found | \(config.title)"),
            "homeHref": .text(config.baseURL.map { $0 + "index.html" } ?? "/"),
            "emergency": PageContext.emergency(config.emergency),
        ]
    }

    package func siteFileContext() -> TemplateObject {
        guard let base = site.config.baseURL else { return [:] }
        var urls: [TemplateValue] = [["loc": .text(base)]]
        for source in readingOrder {
            guard let page = page(source)?.page else { continue }
            var url: TemplateObject = ["loc": .text(base + page.output.value)]
            if let reviewed = page.frontMatter.reviewed { url["lastmod"] = .text(reviewed.description) }
            urls.append(.object(url))
        }
        if site.sections.first(where: { $0.slug == RenderedSite.exerciseSection }) == nil {
            urls.append(["loc": .text(base + SitePath.exerciseIndex.value)])
        }
        return ["baseURL": .text(base), "urls": .list(urls)]
    }
}
