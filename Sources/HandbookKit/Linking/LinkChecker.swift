/// Checks a page's links, images and anchors against the whole rendered site.
struct LinkChecker {
    var site: RenderedSite
    var drafts: Set<String>
    private let files: Set<String>
    private let outputs: [String: String]

    init(site: RenderedSite, drafts: Set<String>) {
        self.site = site
        self.drafts = drafts
        files = Set(site.site.assets.map(\.source))
        // A link written straight to `bridge.html` is fine too: map outputs back to pages.
        outputs = Dictionary(uniqueKeysWithValues: site.sources.map { (outputPath(forSource: $0), $0) })
    }

    /// Every broken link, image or anchor of one page.
    func check(_ page: RenderedPage) -> [Diagnostic] {
        var found: [Diagnostic] = []
        func report(_ line: Int, _ column: Int, _ rule: Rule, _ message: String) {
            found.append(Diagnostic(file: page.page.file, line: line, column: column, rule: rule, message: message))
        }
        for link in page.links {
            switch link.target {
            case .page(let target):
                guard let targetPage = site[page: target] else {
                    report(link.line, link.column, .link,
                           drafts.contains(target) ? Message.draftPage(link.url) : Message.missingPage(link.url))
                    continue
                }
                if let problem = anchorProblem(link.fragment, in: targetPage) {
                    report(link.line, link.column, .anchor, problem)
                }
            case .file(let target):
                if let source = outputs[target], let targetPage = site[page: source] {
                    if let problem = anchorProblem(link.fragment, in: targetPage) {
                        report(link.line, link.column, .anchor, problem)
                    }
                } else if !files.contains(target) {
                    report(link.line, link.column, .link, Message.missingFile(link.url))
                }
            case .outside(let url):
                report(link.line, link.column, .link, Message.outsideContent(url))
            case .external, .unsafe:
                continue
            }
        }
        for image in page.images {
            switch image.target {
            case .file(let target) where files.contains(target):
                continue
            case .file, .page:
                report(image.line, image.column, .link, Message.missingFile(image.url))
            case .outside(let url):
                report(image.line, image.column, .link, Message.outsideContent(url))
            case .external, .unsafe:
                continue
            }
        }
        return found
    }

    private func anchorProblem(_ fragment: String?, in page: RenderedPage) -> String? {
        guard let fragment, !fragment.isEmpty else { return nil }
        let ids = page.headings.map(\.id)
        guard !ids.contains(fragment) else { return nil }
        return Message.missingAnchor(fragment, page: page.page.source, known: ids, suggestion: closestMatch(to: fragment, in: ids))
    }
}
