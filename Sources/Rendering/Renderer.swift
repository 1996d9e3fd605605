import HandbookCore
import Loading
import Markdown
import Prose
import Search
import CCmark
#if canImport(Glibc)
import Glibc
#endif

/// Renders one page's Markdown: heading ids, link rewriting, and the references the link
/// checker needs, in one pass over cmark's tree; then the HTML, with slots for what differs
/// where the body is shown, in a second (``CmarkDocument/bodyHTML(sizeHint:)``).
/// - Parameters:
///   - page: A loaded page.
///   - settings: The site's values for `{{name}}` in the page's text, and its own syllable counts.
///   - arena: The render task's memory for cmark's tree.
/// - Returns: The rendered page, any warnings (unsafe URLs removed) and unknown placeholders.
package func render(_ page: Page, settings: RenderSettings = RenderSettings(), arena: CmarkArena = CmarkArena()) -> (RenderedPage, [Diagnostic]) {
    let placeholders = settings.placeholders
    let document = CmarkDocument(markdown: page.body, arena: arena)
    let resolver = LinkResolver(source: page.source)
    var source = SourceText(page.body)
    var slugger = HeadingSlugger()
    var headings: [Heading] = []
    var links: [LinkReference] = []
    var images: [ImageReference] = []
    var prose = PageProse()
    var diagnostics: [Diagnostic] = []
    // cmark lines are body lines; the file has front matter above them.
    let lineOffset = page.bodyLine - 1

    // Filled first, so headings and prose read the filled text; most pages have none.
    if Placeholders.mayAppear(in: page.body) {
        document.forEachNode { node in
            guard node.type == CMARK_NODE_TEXT, let literal = node.literal, strstr(literal, "{{") != nil else { return }
            let (text, unknown) = placeholders.fill(String(cString: literal))
            node.setLiteral(text)
            for (name, offset) in unknown {
                diagnostics.append(Diagnostic(file: page.file, line: node.line + lineOffset,
                                              column: source.column(line: node.line, byteColumn: node.column + offset),
                                              rule: .placeholder, message: Message.unknownPlaceholder(name, known: placeholders.names)))
            }
        }
    }
    document.forEachNode { node in
        switch node.type {
        case CMARK_NODE_HEADING:
            let text = node.plainText
            let id = slugger.id(for: text)
            headings.append(Heading(level: node.headingLevel, text: text, id: id, line: node.line + lineOffset))
        case CMARK_NODE_LINK, CMARK_NODE_IMAGE:
            let url = node.url
            let (target, fragment, output) = resolver.resolve(url)
            if output != url { node.setURL(output) }
            let line = node.line + lineOffset
            let column = source.column(line: node.line, byteColumn: node.column)
            if target == .unsafe {
                diagnostics.append(Diagnostic(file: page.file, line: line, column: column, severity: .warning,
                                              rule: .unsafeURL, message: Message.unsafeURL(url)))
            }
            if node.type == CMARK_NODE_IMAGE {
                images.append(ImageReference(url: url, target: target, alt: node.plainText, line: line, column: column))
            } else {
                links.append(LinkReference(url: url, target: target, fragment: fragment, line: line, column: column))
            }
        case CMARK_NODE_PARAGRAPH:
            // Paragraphs, list items and quotes; headings and code are not running text.
            prose.append(line: node.line + lineOffset, text: node.appendReadableText)
        default:
            break
        }
    }
    // Replacing nodes while cmark's iterator walks them would invalidate it.
    document.convertPipeTables()
    var rendered = RenderedPage(page: page, body: document.bodyHTML(sizeHint: page.body.utf8.count),
                                headings: headings, links: links, images: images)
    // One pass over the prose for both of its readers.
    var bodyWords = SearchWords.Builder(byteCount: prose.bytes.count)
    rendered.proseCounts = ProseCounts(prose, words: &bodyWords, site: settings.syllables)
    rendered.searchEntry = SearchIndex.entry(rendered, bodyWords: bodyWords)
    rendered.page.body = ""
    return (rendered, diagnostics)
}

extension Site {
    /// Renders every page in parallel, each page's Markdown released as soon as it is
    /// rendered: so the site is consumed (`consume site`, or a copy is made).
    /// - Returns: The rendered site, whose diagnostics are warnings only.
    public consuming func rendered() async -> RenderedSite {
        // The pages leave the site while they render, so that only the renderer holds their
        // Markdown (bar the few section intros), and come back from the rendered pages, which
        // hold none: copying every page without its body up front took 14 ms on one core at
        // 10,000 pages.
        let loaded = allPages
        let pageCounts = sections.map(\.pages.count)
        for index in sections.indices { sections[index].pages = [] }
        let settings = RenderSettings(config)
        let results = await loaded.concurrentMapReleasing(eachTask: CmarkArena.init) { arena, page in
            render(page, settings: settings, arena: arena)
        }
        // `allPages` order: each section's intro, then its pages.
        var next = 0
        for (index, count) in pageCounts.enumerated() {
            sections[index].index = results[next].0.page
            sections[index].pages = results[(next + 1)..<(next + 1 + count)].map(\.0.page)
            next += 1 + count
        }
        var pages: [String: RenderedPage] = [:]
        pages.reserveCapacity(results.count)
        for (page, _) in results { pages[page.page.source] = page }
        return RenderedSite(site: self, pages: pages, diagnostics: results.flatMap(\.1))
    }
}
