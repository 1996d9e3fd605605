import HandbookCore
import Loading
import Markdown
import Search

/// A page after Markdown rendering: its HTML body and what the body refers to. Copies share
/// its fields (``CopyOnWrite``).
public struct RenderedPage: Sendable, Equatable {
    private var fields: CopyOnWrite<Fields>

    public var page: Page {
        _read { yield fields.value.page }
        _modify { yield &fields.value.page }
    }
    /// The body, rendered once for the page itself and for the pages that hold many
    /// pages' bodies (``html(_:placedAt:)``).
    package var body: BodyHTML {
        _read { yield fields.value.body }
        _modify { yield &fields.value.body }
    }
    public var headings: [Heading] {
        _read { yield fields.value.headings }
        _modify { yield &fields.value.headings }
    }
    public var links: [LinkReference] {
        _read { yield fields.value.links }
        _modify { yield &fields.value.links }
    }
    public var images: [ImageReference] {
        _read { yield fields.value.images }
        _modify { yield &fields.value.images }
    }
    /// The running text counted for the readability rules, and the page's search-index
    /// entry: made while pages render in parallel, not one page after another in the
    /// site-wide stages, and kept instead of the text itself.
    package var proseCounts: ProseCounts {
        _read { yield fields.value.proseCounts }
        _modify { yield &fields.value.proseCounts }
    }
    package var searchEntry: SearchIndex.Entry {
        _read { yield fields.value.searchEntry }
        _modify { yield &fields.value.searchEntry }
    }
    /// The id of the exercise heading the "Stop if" box goes above.
    public static let stepsHeadingID = "how-to-do-it"

    package init(page: Page, body: BodyHTML = BodyHTML(), headings: [Heading], links: [LinkReference], images: [ImageReference]) {
        fields = CopyOnWrite(Fields(page: page, body: body, headings: headings, links: links, images: images))
    }

    private struct Fields: Sendable, Equatable {
        package var page: Page
        package var body: BodyHTML
        package var headings: [Heading]
        package var links: [LinkReference]
        package var images: [ImageReference]
        package var proseCounts = ProseCounts()
        package var searchEntry = SearchIndex.Entry(href: "", title: "", summary: "")
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
    /// Pages by source path.
    private var pages: [String: RenderedPage]

    public init(site: Site, pages: [String: RenderedPage], diagnostics: [Diagnostic]) {
        self.site = site.withoutBodies
        self.diagnostics = diagnostics
        self.pages = pages
    }

    /// The source paths of the pages, in no particular order.
    public var sources: some Collection<String> { pages.keys }

    /// A page by source path.
    public subscript(page source: String) -> RenderedPage? {
        get { pages[source] }
        set { pages[source] = newValue }
    }
}
