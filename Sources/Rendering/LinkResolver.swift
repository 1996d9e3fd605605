import HandbookCore

/// Classifies a URL from a page body and computes what it becomes in the output.
///
/// Relative links keep their shape because each page is written at the same relative
/// place as its source (`exercises/bridge.md` → `exercises/bridge.html`); only the
/// extension changes, and a leading `/` (content root) is made relative.
package struct LinkResolver {
    /// The linking page's source path, such as `exercises/bridge.md`.
    package let source: String
    /// Where the output URL is written: the linking page itself, or one of the root-level
    /// pages that hold many pages' bodies (see ``PlacedBody``).
    private let here: SitePath
    /// The source's folder, which relative links start from.
    private let folder: String

    /// - Parameters:
    ///   - source: The linking page's source path.
    ///   - placedAt: The page the output URL is written into, when not the linking page.
    package init(source: String, placedAt: SitePath? = nil) {
        self.source = source
        here = placedAt ?? SitePath(outputPath(forSource: source))
        folder = SitePath(source).folder
    }

    /// Schemes passed through untouched. Everything else is dropped: `javascript:`,
    /// `data:` and friends can run code or hide content.
    package static let allowedSchemes: Set<String> = ["http", "https", "mailto", "tel"]

    /// The resolved target, the `#fragment`, and the URL to write into the HTML.
    package func resolve(_ url: String) -> (target: LinkTarget, fragment: String?, output: String) {
        resolve(url, writing: true)
    }

    /// The resolved target and the `#fragment`, without working out the URL to write.
    package func target(of url: String) -> (target: LinkTarget, fragment: String?) {
        let resolved = resolve(url, writing: false)
        return (resolved.target, resolved.fragment)
    }

    /// - Parameter writing: Whether to make the URL to write; when false, a link within the
    ///   content gets an empty one.
    private func resolve(_ url: String, writing: Bool) -> (target: LinkTarget, fragment: String?, output: String) {
        let (withoutFragment, fragment) = Self.splitOff("#", from: url)
        if let scheme = Self.scheme(of: withoutFragment) {
            return Self.allowedSchemes.contains(scheme.lowercased()) ? (.external, fragment, url) : (.unsafe, nil, "")
        }
        if withoutFragment.utf8.starts(with: "//".utf8) { return (.external, fragment, url) }
        let (path, query) = Self.splitOff("?", from: withoutFragment)
        if path.isEmpty {
            return (.page(source), fragment, url)
        }
        let resolved = path.utf8.first == UInt8(ascii: "/") ? SitePath(normalizing: path) : SitePath(normalizing: path, in: folder)
        guard let resolved else { return (.outside(url), fragment, url) }
        let isFolder = path.utf8.last == UInt8(ascii: "/") || resolved.value.isEmpty
        let targetSource = isFolder ? joinPath(resolved.value, "_index.md") : resolved.value
        let target: LinkTarget = targetSource.hasUTF8Suffix(".md") ? .page(targetSource) : .file(targetSource)
        guard writing else { return (target, fragment, "") }
        var output = here.relative(to: SitePath(outputPath(forSource: targetSource)), fragment: fragment)
        if let query { output = Self.insert(query: query, into: output) }
        return (target, fragment, output)
    }

    /// The URL scheme, if the text before the first `:` looks like one (RFC 3986).
    package static func scheme(of url: String) -> String? {
        var url = url
        return url.withUTF8 { utf8 in
            guard let colon = utf8.firstIndex(of: UInt8(ascii: ":")) else { return nil }
            let scheme = UnsafeBufferPointer(rebasing: utf8[..<colon])
            let isLetter = { (byte: UInt8) in (byte | 0x20) &- 0x61 < 26 }
            guard let first = scheme.first, isLetter(first),
                  scheme.allSatisfy({ isLetter($0) || $0 &- 0x30 < 10 || $0 == 0x2B || $0 == 0x2D || $0 == 0x2E })
            else { return nil }
            return String(decoding: scheme, as: UTF8.self)
        }
    }

    /// The text before the first `separator` and, if there is one, the text after it:
    /// read as bytes, since every link of every page is split twice.
    private static func splitOff(_ separator: Unicode.Scalar, from text: String) -> (String, String?) {
        var bytes = text
        return bytes.withUTF8 { utf8 in
            guard let index = utf8.firstIndex(of: UInt8(ascii: separator)) else { return (text, nil) }
            return (String(decoding: UnsafeBufferPointer(rebasing: utf8[..<index]), as: UTF8.self),
                    String(decoding: UnsafeBufferPointer(rebasing: utf8[(index + 1)...]), as: UTF8.self))
        }
    }

    private static func insert(query: String, into url: String) -> String {
        let (path, fragment) = splitOff("#", from: url)
        return path + "?" + query + (fragment.map { "#" + $0 } ?? "")
    }
}
