/// A normalized path inside the output site, such as `exercises/bridge.html`: no leading
/// slash, no `.` or `..`. This is the one type that builds links, so every link in the
/// output is relative and the site works from file://, a domain root or any sub-path.
public struct SitePath: Sendable, Hashable, Comparable, CustomStringConvertible {
    public let value: String

    /// Creates a path, normalizing `.` and `..`; nil when `..` climbs above the site root.
    public init?(normalizing path: String) {
        // Bytes, one pass: every link of every page is normalized, and again for print and the plan.
        var path = path
        let normalized = path.withUTF8 { bytes -> [UInt8]? in
            var normalized: [UInt8] = []
            normalized.reserveCapacity(bytes.count)
            var partStarts: [Int] = []
            var start = 0
            while start <= bytes.count {
                let end = bytes[start...].firstIndex(of: UInt8(ascii: "/")) ?? bytes.count
                let part = bytes[start..<end]
                start = end + 1
                if part.isEmpty || part.elementsEqual(".".utf8) { continue }
                if part.elementsEqual("..".utf8) {
                    guard let partStart = partStarts.popLast() else { return nil }
                    normalized.removeSubrange(max(partStart - 1, 0)...)
                    continue
                }
                if !normalized.isEmpty { normalized.append(UInt8(ascii: "/")) }
                partStarts.append(normalized.count)
                normalized.append(contentsOf: UnsafeBufferPointer(rebasing: part))
            }
            return normalized
        }
        guard let normalized else { return nil }
        value = String(decoding: normalized, as: UTF8.self)
    }

    /// Wraps a path already known to be normalized.
    public init(_ normalized: String) {
        value = normalized
    }

    public var description: String { value }

    /// The folder part, with a trailing slash, or "" at the root.
    public var folder: String {
        guard let slash = value.lastIndex(of: "/") else { return "" }
        return String(value[...slash])
    }

    /// How many folders deep the path is.
    public var depth: Int { value.reduce(0) { $0 + ($1 == "/" ? 1 : 0) } }

    /// The relative URL that leads from this page to `target`.
    /// - Parameters:
    ///   - target: The path to link to.
    ///   - fragment: An optional heading id, appended as `#fragment`.
    /// - Returns: A relative URL such as `../safety/when-to-stop.html#stop-rule`.
    public func relative(to target: SitePath, fragment: String? = nil) -> String {
        var from = value, to = target.value, fragment = fragment ?? ""
        // Bytes, not path components: every page links to dozens of others.
        return from.withUTF8 { from in
            to.withUTF8 { to in fragment.withUTF8 { Self.relative(from: from, to: to, fragment: $0) } }
        }
    }

    /// The link between two paths' bytes, written into one string made at its final size.
    private static func relative(from: UnsafeBufferPointer<UInt8>, to: UnsafeBufferPointer<UInt8>,
                                 fragment: UnsafeBufferPointer<UInt8>) -> String {
        var shared = 0, index = 0
        while index < min(from.count, to.count), from[index] == to[index] {
            if from[index] == UInt8(ascii: "/") { shared = index + 1 }
            index += 1
        }
        let ups = from[shared...].reduce(0) { $0 + ($1 == UInt8(ascii: "/") ? 1 : 0) }
        let rest = UnsafeBufferPointer(rebasing: to[shared...])
        let count = 3 * ups + rest.count + (fragment.isEmpty ? 0 : 1 + fragment.count)
        return String(unsafeUninitializedCapacity: count) { path in
            var end = 0
            func append(_ bytes: UnsafeBufferPointer<UInt8>) {
                _ = UnsafeMutableBufferPointer(rebasing: path[end..<(end + bytes.count)]).initialize(from: bytes)
                end += bytes.count
            }
            for _ in 0..<ups {
                (path[end], path[end + 1], path[end + 2]) = (UInt8(ascii: "."), UInt8(ascii: "."), UInt8(ascii: "/"))
                end += 3
            }
            append(rest)
            if !fragment.isEmpty {
                path[end] = UInt8(ascii: "#")
                end += 1
                append(fragment)
            }
            return end
        }
    }

    /// The path from the site root, for sitemap URLs.
    public var rootRelative: String { value }

    public static func < (lhs: SitePath, rhs: SitePath) -> Bool {
        utf8Precedes(lhs.value, rhs.value)
    }

    public static let home = SitePath("index.html")
    public static let exerciseIndex = SitePath("exercises/index.html")
    public static let notFound = SitePath("404.html")
    /// The whole handbook on one page, and the exercise plan: at the root, where no page can be.
    public static let print = SitePath("print.html")
    public static let plan = SitePath("plan.html")
    public static let searchIndex = SitePath("assets/search-index.js")
    public static let searchScript = SitePath("assets/search.js")
}

extension Page {
    /// Where the page is written: `exercises/bridge.html`, or `exercises/index.html` for an intro.
    public var output: SitePath { SitePath(outputPath(forSource: source)) }
}

/// The output path for a content-relative source path: `.md` becomes `.html` and
/// `_index.md` becomes `index.html`; other files keep their path.
func outputPath(forSource source: String) -> String {
    let utf8 = source.utf8
    guard source.hasUTF8Suffix(".md") else { return source }
    // Bytes, not characters: every link and list entry asks for a page's output path.
    let base = utf8.dropLast(3)
    if base.elementsEqual("_index".utf8) { return "index.html" }
    var keep = base.count
    if base.count >= 7, base.suffix(7).elementsEqual("/_index".utf8) {
        // A byte before the slash that is not ASCII may end a character (a "prepend" one)
        // that joins the slash into one Character: then `/_index` is not a Character suffix.
        guard base.count == 7 || base[base.index(base.endIndex, offsetBy: -8)] < 0x80 else {
            return Substring(base).hasSuffix("/_index") ? Substring(base).dropLast(6) + "index.html" : Substring(base) + ".html"
        }
        keep -= 6
    }
    let ending = keep == base.count ? ".html" : "index.html"
    var path = ""
    path.reserveCapacity(keep + ending.utf8.count)
    path += Substring(base.prefix(keep))
    path += ending
    return path
}

extension StringProtocol {
    /// Whether the text ends with `suffix`, compared by UTF-8 bytes: paths and URLs are
    /// tested for their endings on every link, and `hasSuffix` compares Characters.
    func hasUTF8Suffix(_ suffix: String) -> Bool {
        utf8.count >= suffix.utf8.count && utf8.suffix(suffix.utf8.count).elementsEqual(suffix.utf8)
    }
}
