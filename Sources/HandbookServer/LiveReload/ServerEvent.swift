/// One message on the live-reload event stream, in Server-Sent Events form.
enum ServerEvent: Sendable, Equatable {
    /// Sent first on every connection: the build the server is at.
    case hello(generation: Int)
    /// These pages changed (site paths); nil when every page should reload (errors appeared
    /// or cleared, an image changed, too many pages to list).
    case reload(pages: [String]?)
    /// Only stylesheets changed: swap them in place.
    case css(generation: Int)
    /// A comment that keeps proxies and browsers from closing an idle stream.
    case ping

    /// More changed pages than this reload every page, to keep each event small.
    static let pageListLimit = 200

    /// The event as it goes on the wire, blank line included.
    var wireFormat: String {
        switch self {
        case .hello(let generation):
            "event: hello\ndata: {\"generation\":\(generation)}\n\n"
        case .reload(let pages?):
            "event: reload\ndata: {\"pages\":[\(pages.map(ReloadScript.jsonString).joined(separator: ","))]}\n\n"
        case .reload(nil):
            "event: reload\ndata: {\"pages\":\"*\"}\n\n"
        case .css(let generation):
            "event: css\ndata: {\"generation\":\(generation)}\n\n"
        case .ping:
            ": ping\n\n"
        }
    }

    /// What a build's changed files mean to open pages.
    /// - Parameters:
    ///   - changed: Site paths whose bytes changed.
    ///   - copied: Those of them copied as they are (images, stylesheets, scripts), rather than
    ///     generated (pages, the search index, the sitemap).
    ///   - generation: The new build's number.
    /// - Returns: At most a `css` and a `reload` event; none when nothing changed.
    static func events(forChanged changed: Set<String>, copied: Set<String>, generation: Int) -> [ServerEvent] {
        let stylesheets = changed.filter { $0.hasSuffix(".css") }
        var events: [ServerEvent] = stylesheets.isEmpty ? [] : [.css(generation: generation)]
        let pages = changed.subtracting(copied).subtracting(stylesheets)
        if !copied.subtracting(stylesheets).isEmpty || pages.count > pageListLimit {
            // An image or script may be used by any page.
            events.append(.reload(pages: nil))
        } else if !pages.isEmpty {
            // Generated files no page shows (search index, sitemap) reload only where open.
            events.append(.reload(pages: pages.sorted()))
        }
        return events
    }
}
