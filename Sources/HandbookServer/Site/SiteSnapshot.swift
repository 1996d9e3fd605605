import Foundation
import HandbookKit

/// The site as one request sees it: every served file's bytes, and the state of the last
/// rebuild. Immutable, so a request reads one consistent site even while a rebuild publishes
/// the next one; rebuilds make a new snapshot from the previous one.
struct SiteSnapshot: Sendable {
    /// One file of the served site.
    struct File: Sendable, Equatable {
        var bytes: [UInt8]
        /// When these bytes first appeared: FileMiddleware's ETag and Last-Modified come from it,
        /// so a page a rebuild did not change keeps its validators and answers 304.
        var modified: Date
        /// Copied as it is from `Content/` or `Templates/assets/` (an image, a stylesheet, a
        /// script), rather than generated from templates.
        var isCopy = false
    }

    /// Files by path inside the site, such as `exercises/bridge.html`.
    private(set) var files: [String: File] = [:]
    /// Folders that hold files (`exercises`), so `/exercises/` finds its `index.html`.
    private(set) var folders: Set<String> = []
    /// The last rebuild's errors, shown over every page; empty after a good build.
    private(set) var errors: [Diagnostic] = []
    /// Counts published builds, good or failed.
    private(set) var generation = 0

    /// Whether any build has succeeded yet.
    var hasSite: Bool { !files.isEmpty }

    /// The served file at a site path (no leading slash).
    func file(at path: String) -> File? { files[path] }

    /// Whether a site path names a folder.
    func isFolder(_ path: String) -> Bool { path.isEmpty || folders.contains(path) }

    /// The site path of the file a decoded URL path shows, found as FileMiddleware finds it:
    /// the file itself, or a folder's `index.html` when the URL ends in `/`.
    func servedPath(forURLPath urlPath: String) -> String? {
        var path = urlPath[...]
        while path.first == "/" { path = path.dropFirst() }
        if path.isEmpty || path.hasSuffix("/") { return String(path) + "index.html" }
        return files[String(path)] != nil ? String(path) : nil
    }

    /// The next snapshot after a good build: the plan's files, reading copied files from disk.
    /// - Parameters:
    ///   - plan: The complete new plan.
    ///   - changed: Paths that may differ from this snapshot's; every other file is kept as is.
    ///   - now: The time to stamp on files whose bytes changed.
    ///   - read: Reads a copied file's source; nil when it vanished since the build, which
    ///     leaves the file out until the rebuild its deletion triggers.
    /// - Returns: The new snapshot and the paths whose bytes really changed (added and removed included).
    func publishing(
        _ plan: OutputPlan, changed: Set<SitePath>, at now: Date, read: (String) -> [UInt8]?
    ) -> (snapshot: SiteSnapshot, changed: Set<String>) {
        var next = self
        next.generation += 1
        next.errors = []
        var really: Set<String> = []
        var foldersMayChange = false
        let paths = hasSite ? Array(changed) : Array(plan.files.keys)
        for path in paths {
            let key = path.value
            let isCopy = if case .copy = plan.files[path] { true } else { false }
            let bytes: [UInt8]? = switch plan.files[path] {
            case .bytes(let generated): generated
            case .copy(let source): read(source)
            case nil: nil
            }
            guard let bytes else {
                if next.files.removeValue(forKey: key) != nil {
                    really.insert(key)
                    foldersMayChange = true
                }
                continue
            }
            if next.files[key]?.bytes != bytes {
                foldersMayChange = foldersMayChange || next.files[key] == nil
                next.files[key] = File(bytes: bytes, modified: now, isCopy: isCopy)
                really.insert(key)
            }
        }
        if foldersMayChange { next.folders = Self.folders(of: next.files.keys) }
        return (next, really)
    }

    /// The next snapshot after a failed build: the same files, with the errors to show.
    func failing(with errors: [Diagnostic]) -> SiteSnapshot {
        var next = self
        next.generation += 1
        next.errors = errors
        return next
    }

    private static func folders(of paths: Dictionary<String, File>.Keys) -> Set<String> {
        var folders: Set<String> = []
        for path in paths {
            var folder = path[...]
            while let slash = folder.lastIndex(of: "/") {
                folder = folder[..<slash]
                guard folders.insert(String(folder)).inserted else { break }
            }
        }
        return folders
    }
}
