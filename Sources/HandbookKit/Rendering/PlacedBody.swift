import CCmark

/// A page body rendered for a page other than its own: `print.html`, which holds the whole
/// handbook, or the exercise plan, which holds every exercise's steps. Both sit at the site
/// root, so links and images are made relative to it; ids are prefixed with ``PageAnchor``
/// so that many bodies on one page never share an id; headings move down the outline.
public struct PlacedBody: Sendable, Equatable {
    /// The whole body, or on an exercise page the part before `## How to do it`.
    public var beforeSteps = ""
    /// The `## How to do it` heading alone.
    public var stepsHeading = ""
    /// The blocks under `## How to do it`, up to the next heading of its level: the
    /// illustration and the numbered steps.
    public var steps = ""
    /// Everything after the steps.
    public var afterSteps = ""

    public init(beforeSteps: String = "", stepsHeading: String = "", steps: String = "", afterSteps: String = "") {
        self.beforeSteps = beforeSteps
        self.stepsHeading = stepsHeading
        self.steps = steps
        self.afterSteps = afterSteps
    }

    /// Where a body is placed, which decides what its internal links become.
    enum Placement {
        /// `print.html`: links to pages become links to their place within the page.
        case print
        /// Another root-level page (the exercise plan): links lead to the real pages.
        case root
    }

    /// The root-level page a placed body's URLs are relative to.
    static let base = SitePath("print.html")
}

/// Ids for page bodies placed together on one page, unique across the whole site.
///
/// A page's anchor is `section__slug` (a section intro's is `section`): slugs hold only
/// `a-z`, `0-9` and `-`, so `__` can't come from two other names. A heading's anchor adds
/// `.` and its id, and the template's own ids add `:` and a name; heading ids never hold
/// `.` or `:`, since the slugger drops punctuation.
public enum PageAnchor {
    /// The anchor of a page, from its output path: `exercises/bridge.html` → `exercises__bridge`.
    public static func page(_ output: SitePath) -> String {
        // Bytes: every heading and link of every placed body asks for its page's anchor.
        var path = output.value.utf8[...]
        if output.value.hasUTF8Suffix(".html") { path = path.dropLast(5) }
        let slash = path.lastIndex(of: UInt8(ascii: "/"))
        // The home page is no body of its own: `#` leads to the top of the page.
        if path[(slash.map(path.index(after:)) ?? path.startIndex)...].elementsEqual("index".utf8) {
            path = path[..<(slash ?? path.startIndex)]
        }
        var anchor: [UInt8] = []
        anchor.reserveCapacity(path.count + 8)
        for byte in path {
            if byte == UInt8(ascii: "/") { anchor += [UInt8(ascii: "_"), UInt8(ascii: "_")] } else { anchor.append(byte) }
        }
        return String(decoding: anchor, as: UTF8.self)
    }

    /// The anchor of a heading (or any fragment) within a page.
    public static func heading(_ id: String, in output: SitePath) -> String {
        page(output) + "." + id
    }

    /// The anchor of something the template adds for a page, such as a box's title.
    public static func part(_ name: String, of output: SitePath) -> String {
        page(output) + ":" + name
    }
}

/// A body heading after ``CmarkDocument/giveID(_:to:)``: its block, level and page id.
typealias HeadingBlock = (block: CmarkDocument.Node, level: Int, id: String)

extension CmarkDocument {
    /// Every link and image node with its URL as the page itself shows it. Collected after
    /// the tree's last change of shape, so every node is still alive when it is re-pointed.
    func linkNodes() -> [(node: Node, url: String)] {
        var found: [(node: Node, url: String)] = []
        forEachNode { node in
            if node.type == CMARK_NODE_LINK || node.type == CMARK_NODE_IMAGE { found.append((node, node.url)) }
        }
        return found
    }

    /// Renders the body as placed on a root-level page. Changes heading tags and URLs in
    /// place, so call it after the page's own HTML is rendered.
    /// - Parameters:
    ///   - placement: Where the body goes.
    ///   - page: The page the body belongs to.
    ///   - headings: The body's headings, in order.
    ///   - links: From ``linkNodes()``, before any placement changed them.
    func placed(_ placement: PlacedBody.Placement, page: Page, headings: [HeadingBlock],
                links: [(node: Node, url: String)]) -> PlacedBody {
        let shift = placement == .print && !page.isSectionIndex ? 2 : 1
        let anchor = PageAnchor.page(page.output)
        for heading in headings {
            setHeading(heading.block, level: min(6, heading.level + shift), id: anchor + "." + heading.id)
        }
        let resolver = LinkResolver(source: page.source, placedAt: PlacedBody.base)
        for link in links where !link.url.isEmpty {
            link.node.setURL(PlacedBody.url(link.url, from: page, anchor: anchor, placement: placement, resolver: resolver))
        }
        guard page.frontMatter.exercise != nil,
              let position = headings.firstIndex(where: { $0.id == RenderedPage.stepsHeadingID })
        else { return PlacedBody(beforeSteps: html()) }
        let steps = headings[position]
        var splits = [steps.block]
        if let first = steps.block.next {
            splits.append(first)
            if let end = headings[(position + 1)...].first(where: { $0.level <= steps.level }) { splits.append(end.block) }
        }
        let parts = html(parts: splits) + ["", "", ""]
        return PlacedBody(beforeSteps: parts[0], stepsHeading: parts[1], steps: parts[2], afterSteps: parts[3])
    }
}

extension PlacedBody {
    /// What a URL from a page body (already rewritten for the page itself) becomes on a
    /// root-level page. External URLs stay; in print, links to pages become in-page anchors.
    /// - Parameters:
    ///   - anchor: The page's ``PageAnchor/page(_:)``.
    ///   - resolver: A resolver for the page's links placed at ``base``.
    static func url(_ url: String, from page: Page, anchor: String, placement: Placement, resolver: LinkResolver) -> String {
        if url.utf8.first == UInt8(ascii: "#") {
            let fragment = String(Substring(url.utf8.dropFirst()))
            guard placement == .print, page.output.value.hasUTF8Suffix(".html") else {
                return base.relative(to: page.output, fragment: fragment)
            }
            return "#" + (fragment.isEmpty ? anchor : anchor + "." + fragment)
        }
        let resolved = resolver.resolve(url)
        guard case .file(let path) = resolved.target else { return resolved.output }
        let target = SitePath(path)
        guard placement == .print, path.hasUTF8Suffix(".html") else { return resolved.output }
        guard let fragment = resolved.fragment, !fragment.isEmpty else { return "#" + PageAnchor.page(target) }
        return "#" + PageAnchor.heading(fragment, in: target)
    }
}
