/// A normalized path inside the output site, such as `exercises/bridge.html`: no leading
/// slash, no `.` or `..`. This is the one type that builds links, so every link in the
/// output is relative and the site works from file://, a domain root or any sub-path.
public struct SitePath: Sendable, Hashable, Comparable, CustomStringConvertible {
    public let value: String

    /// Creates a path, normalizing `.` and `..`; nil when `..` climbs above the site root.
    public init?(normalizing path: String) {
        var path = path
        guard let value = path.withUTF8(Self.normalized) else { return nil }
        self.value = value
    }

    /// A path relative to `folder` (a ``folder`` of another path), normalized; nil when `..`
    /// climbs above the site root. Joined in place: every link of every page comes here.
    package init?(normalizing path: String, in folder: String) {
        var path = path, folder = folder
        let joined = folder.withUTF8 { folder in
            path.withUTF8 { path in
                withUnsafeTemporaryAllocation(of: UInt8.self, capacity: folder.count + path.count) { joined in
                    _ = joined.initialize(fromContentsOf: folder)
                    _ = UnsafeMutableBufferPointer(rebasing: joined[folder.count...]).initialize(fromContentsOf: path)
                    return Self.normalized(UnsafeBufferPointer(joined))
                }
            }
        }
        guard let joined else { return nil }
        value = joined
    }

    /// A path's parts joined by single slashes, without `.` and with each `..` taking the
    /// part before it away, written in one pass into a string of at most the path's size.
    private static func normalized(_ bytes: UnsafeBufferPointer<UInt8>) -> String? {
        let slash = UInt8(ascii: "/"), dot = UInt8(ascii: ".")
        var climbsOut = false
        let value = String(unsafeUninitializedCapacity: max(bytes.count, 1)) { normalized in
            var count = 0, start = 0
            while start < bytes.count {
                var end = start
                while end < bytes.count, bytes[end] != slash { end += 1 }
                defer { start = end + 1 }
                switch end - start {
                case 0: continue
                case 1 where bytes[start] == dot: continue
                case 2 where bytes[start] == dot && bytes[start + 1] == dot:
                    guard count > 0 else {
                        climbsOut = true
                        return 0
                    }
                    // Parts hold no slash: the last one starts after the last slash, and
                    // goes with that slash.
                    repeat { count -= 1 } while count > 0 && normalized[count] != slash
                default:
                    if count > 0 {
                        normalized[count] = slash
                        count += 1
                    }
                    for index in start..<end { normalized[count + index - start] = bytes[index] }
                    count += end - start
                }
            }
            return count
        }
        return climbsOut ? nil : value
    }

    /// Wraps a path already known to be normalized.
    public init(_ normalized: String) {
        value = normalized
    }

    public var description: String { value }

    /// The folder part, with a trailing slash, or "" at the root.
    public var folder: String {
        // Bytes: asked for every page, and for every page placed in print.html.
        var path = value
        return path.withUTF8 { bytes in
            guard let slash = bytes.lastIndex(of: UInt8(ascii: "/")) else { return "" }
            return String(decoding: UnsafeBufferPointer(rebasing: bytes[...slash]), as: UTF8.self)
        }
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


/// The output path for a content-relative source path: `.md` becomes `.html` and
/// `_index.md` becomes `index.html`; other files keep their path.
package func outputPath(forSource source: String) -> String {
    // Bytes, not characters: every link and list entry asks for a page's output path.
    var bytes = source
    let kept: (count: Int, ending: StaticString)? = bytes.withUTF8 { path in
        guard path.count >= 3, path[(path.count - 3)...].elementsEqual(".md".utf8) else { return nil }
        let base = UnsafeBufferPointer(rebasing: path[..<(path.count - 3)])
        if base.elementsEqual("_index".utf8) { return (0, "index.html") }
        guard base.count >= 7, base[(base.count - 7)...].elementsEqual("/_index".utf8) else { return (base.count, ".html") }
        // A byte before the slash that is not ASCII may end a character (a "prepend" one)
        // that joins the slash into one Character: then `/_index` is not a Character suffix.
        guard base.count == 7 || base[base.count - 8] < 0x80 || Substring(source.utf8.dropLast(3)).hasSuffix("/_index") else {
            return (base.count, ".html")
        }
        return (base.count - 6, "index.html")
    }
    guard let kept else { return source }
    return bytes.withUTF8 { path in
        String(unsafeUninitializedCapacity: kept.count + kept.ending.utf8CodeUnitCount) { output in
            _ = output.initialize(fromContentsOf: path[..<kept.count])
            _ = UnsafeMutableBufferPointer(rebasing: output[kept.count...])
                .initialize(fromContentsOf: UnsafeBufferPointer(start: kept.ending.utf8Start, count: kept.ending.utf8CodeUnitCount))
            return kept.count + kept.ending.utf8CodeUnitCount
        }
    }
}

extension String {
    /// Whether the text ends with `suffix`, compared by UTF-8 bytes: paths and URLs are
    /// tested for their endings on every link, and `hasSuffix` compares Characters.
    package func hasUTF8Suffix(_ suffix: StaticString) -> Bool {
        var text = self
        return text.withUTF8 { bytes in
            let count = suffix.utf8CodeUnitCount
            return bytes.count >= count && bytes[(bytes.count - count)...].elementsEqual(UnsafeBufferPointer(start: suffix.utf8Start, count: count))
        }
    }
}
