/// A page after Markdown rendering: its HTML body and what the body refers to.
public struct RenderedPage: Sendable, Equatable {
    public var page: Page
    /// The body, rendered once for the page itself and for the pages that hold many
    /// pages' bodies (``html(_:placedAt:)``).
    var body: BodyHTML
    public var headings: [Heading]
    public var links: [LinkReference]
    public var images: [ImageReference]
    /// The running text counted for the readability rules, and the page's search-index
    /// entry: made while pages render in parallel, not one page after another in the
    /// site-wide stages, and kept instead of the text itself.
    var proseCounts = ProseCounts()
    var searchEntry = SearchIndex.Entry(href: "", title: "", summary: "")
    /// The id of the exercise heading the "Stop if" box goes above.
    public static let stepsHeadingID = "how-to-do-it"

    init(page: Page, body: BodyHTML = BodyHTML(), headings: [Heading], links: [LinkReference], images: [ImageReference]) {
        self.page = page
        self.body = body
        self.headings = headings
        self.links = links
        self.images = images
    }
}

/// A heading of a page body, with its GitHub-style id.
public struct Heading: Sendable, Equatable {
    public var level: Int
    public var text: String
    public var id: String
    /// 1-based file line.
    public var line: Int
}

/// Where a link or image points, resolved against the page that holds it.
public enum LinkTarget: Sendable, Equatable, Hashable {
    /// Another page (or section intro), by its source path: `safety/when-to-stop.md`.
    case page(String)
    /// A file under `Content/` that is not a page: `exercises/bridge.svg`.
    case file(String)
    /// An http(s), mailto or tel URL, left alone.
    case external
    /// A path that climbs out of the content folder.
    case outside(String)
    /// A scheme that is not allowed (`javascript:`), already removed from the output.
    case unsafe
}

/// One link in a page body, with its source position for diagnostics.
public struct LinkReference: Sendable, Equatable {
    /// The URL as the author wrote it.
    public var url: String
    public var target: LinkTarget
    /// The `#fragment`, if any, without the `#`.
    public var fragment: String?
    public var line: Int
    public var column: Int
}

/// One image in a page body.
public struct ImageReference: Sendable, Equatable {
    public var url: String
    public var target: LinkTarget
    public var alt: String
    public var line: Int
    public var column: Int
}

/// The site after rendering: every page's HTML and references, in reading order.
public struct RenderedSite: Sendable, Equatable {
    public var site: Site
    public var diagnostics: [Diagnostic]
    /// Pages by source path, each in a box: the preview server copies this table to change
    /// one page after an edit, and copying a box costs one reference count where a page
    /// value costs dozens, which at 10,000 pages is most of a rebuild.
    private var boxes: [String: Box]

    public init(site: Site, pages: [String: RenderedPage], diagnostics: [Diagnostic]) {
        self.site = site.withoutBodies
        self.diagnostics = diagnostics
        boxes = pages.mapValues(Box.init)
    }

    /// The source paths of the pages, in no particular order.
    public var sources: some Collection<String> { boxes.keys }

    /// A page by source path.
    public subscript(page source: String) -> RenderedPage? {
        get { boxes[source]?.page }
        set { boxes[source] = newValue.map(Box.init) }
    }

    /// A page's headings, read in place: the link checker asks for the target of every link,
    /// and taking the page out of its box copies all of it.
    func headings(of source: String) -> [Heading]? {
        boxes[source]?.page.headings
    }

    private final class Box: Sendable, Equatable {
        let page: RenderedPage
        init(_ page: RenderedPage) { self.page = page }
        static func == (lhs: Box, rhs: Box) -> Bool { lhs === rhs || lhs.page == rhs.page }
    }
}
