import HandbookCore
import Rendering

/// Checks a page's links, images and anchors against the whole rendered site.
package struct LinkChecker {
    package var site: RenderedSite
    package var drafts: Set<String>
    private let files: Set<String>

    package init(site: RenderedSite, drafts: Set<String>) {
        self.site = site
        self.drafts = drafts
        files = Set(site.site.assets.map(\.source))
    }

    /// Every broken link, image or anchor of one page.
    package func check(_ page: RenderedPage) -> [Diagnostic] {
        var found: [Diagnostic] = []
        check(links: page.links, images: page.images, file: page.page.file) { _ in } report: { found.append($0) }
        return found
    }

    /// Checks one page's links and images.
    /// - Parameters:
    ///   - links: The page's links.
    ///   - images: The page's images.
    ///   - file: The page's file, for diagnostics.
    ///   - linksTo: Called with the target of each link to a page that exists, once per link.
    ///   - report: Called with each problem, in the order the old one-list check gave them.
    package func check(links: [LinkReference], images: [ImageReference], file: String,
               linksTo: (String) -> Void, report: (Diagnostic) -> Void) {
        func problem(_ line: Int, _ column: Int, _ rule: Rule, _ message: String) {
            report(Diagnostic(file: file, line: line, column: column, rule: rule, message: message))
        }
        for link in links {
            switch link.target {
            case .page(let target):
                guard let headings = site[page: target]?.headings else {
                    problem(link.line, link.column, .link,
                            drafts.contains(target) ? Message.draftPage(link.url) : Message.missingPage(link.url))
                    continue
                }
                linksTo(target)
                if let message = anchorProblem(link.fragment, in: headings, of: target) {
                    problem(link.line, link.column, .anchor, message)
                }
            case .file(let target):
                if let source = page(writtenTo: target), let headings = site[page: source]?.headings {
                    if let message = anchorProblem(link.fragment, in: headings, of: source) {
                        problem(link.line, link.column, .anchor, message)
                    }
                } else if !files.contains(target) {
                    problem(link.line, link.column, .link, Message.missingFile(link.url))
                }
            case .outside(let url):
                problem(link.line, link.column, .link, Message.outsideContent(url))
            case .external, .unsafe:
                continue
            }
        }
        for image in images {
            switch image.target {
            case .file(let target) where files.contains(target):
                continue
            case .file, .page:
                problem(image.line, image.column, .link, Message.missingFile(image.url))
            case .outside(let url):
                problem(image.line, image.column, .link, Message.outsideContent(url))
            case .external, .unsafe:
                continue
            }
        }
    }

    /// The page whose output is `output` (a link written straight to `bridge.html`), found by
    /// undoing ``outputPath(forSource:)`` instead of mapping every page's output up front.
    private func page(writtenTo output: String) -> String? {
        var candidates = [output]
        if output.hasUTF8Suffix(".html") {
            let base = String(Substring(output.utf8.dropLast(5)))
            candidates.append(base + ".md")
            if base == "index" || base.hasUTF8Suffix("/index") {
                candidates.append(base.dropLast(5) + "_index.md")
            }
        }
        return candidates.first { outputPath(forSource: $0) == output && site[page: $0] != nil }
    }

    /// The problem with a `#fragment` that names no heading of the target page, if any.
    private func anchorProblem(_ fragment: String?, in headings: [Heading], of source: String) -> String? {
        guard let fragment, !fragment.isEmpty, !headings.contains(where: { $0.id == fragment }) else { return nil }
        let ids = headings.map(\.id)
        // The page's own spelling of its path, which a link may write in another Unicode form.
        let name = site[page: source]?.page.source ?? source
        return Message.missingAnchor(fragment, page: name, known: ids, suggestion: closestMatch(to: fragment, in: ids))
    }
}
