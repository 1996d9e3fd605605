/// Classifies a URL from a page body and computes what it becomes in the output.
///
/// Relative links keep their shape because each page is written at the same relative
/// place as its source (`exercises/bridge.md` → `exercises/bridge.html`); only the
/// extension changes, and a leading `/` (content root) is made relative.
struct LinkResolver {
    /// The linking page's source path, such as `exercises/bridge.md`.
    var source: String
    /// The page the output URL is written into, when not the linking page itself: the
    /// root-level pages that hold many pages' bodies (see ``PlacedBody``).
    var placedAt: SitePath? = nil

    /// Schemes passed through untouched. Everything else is dropped: `javascript:`,
    /// `data:` and friends can run code or hide content.
    static let allowedSchemes: Set<String> = ["http", "https", "mailto", "tel"]

    /// The resolved target, the `#fragment`, and the URL to write into the HTML.
    func resolve(_ url: String) -> (target: LinkTarget, fragment: String?, output: String) {
        let (withoutFragment, fragment) = Self.splitOff("#", from: url)
        if let scheme = Self.scheme(of: withoutFragment) {
            return Self.allowedSchemes.contains(scheme.lowercased()) ? (.external, fragment, url) : (.unsafe, nil, "")
        }
        if withoutFragment.hasPrefix("//") { return (.external, fragment, url) }
        let (path, query) = Self.splitOff("?", from: withoutFragment)
        let here = placedAt ?? SitePath(outputPath(forSource: source))
        if path.isEmpty {
            return (.page(source), fragment, url)
        }
        let joined = path.hasPrefix("/") ? path : SitePath(source).folder + path
        guard let resolved = SitePath(normalizing: joined) else { return (.outside(url), fragment, url) }
        let isFolder = path.hasSuffix("/") || resolved.value.isEmpty
        let targetSource = isFolder ? joinPath(resolved.value, "_index.md") : resolved.value
        let target: LinkTarget = targetSource.hasSuffix(".md") ? .page(targetSource) : .file(targetSource)
        var output = here.relative(to: SitePath(outputPath(forSource: targetSource)), fragment: fragment)
        if let query { output = Self.insert(query: query, into: output) }
        return (target, fragment, output)
    }

    /// The URL scheme, if the text before the first `:` looks like one (RFC 3986).
    static func scheme(of url: String) -> String? {
        guard let colon = url.firstIndex(of: ":") else { return nil }
        let scheme = url[..<colon]
        guard let first = scheme.first, first.isASCII, first.isLetter,
              scheme.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || "+-.".contains($0)) })
        else { return nil }
        return String(scheme)
    }

    private static func splitOff(_ separator: Character, from text: String) -> (String, String?) {
        guard let index = text.firstIndex(of: separator) else { return (text, nil) }
        return (String(text[..<index]), String(text[text.index(after: index)...]))
    }

    private static func insert(query: String, into url: String) -> String {
        let (path, fragment) = splitOff("#", from: url)
        return path + "?" + query + (fragment.map { "#" + $0 } ?? "")
    }
}
