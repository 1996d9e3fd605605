import Prose
import HandbookCore
import Loading
import Markdown
import Rendering

/// What a rebuild remembers of each Markdown file, keyed by the file's bytes: its decoded
/// front matter (or the problems that kept it out) and its rendered body. A file whose bytes
/// are unchanged is neither decoded nor rendered again.
package struct SourceCache: Sendable {
    /// One Markdown file as last read.
    package struct Entry: Sendable {
        /// Where it was read from (a symlink's target, for a linked file).
        package var absolute: String
        package var bytes: [UInt8]
        package var page: Page?
        package var diagnostics: [Diagnostic]
        /// The rendered body and its warnings; nil until the page is first rendered (drafts never are).
        package var rendered: RenderedPage?
        package var renderWarnings: [Diagnostic] = []
    }

    /// By source path, such as `exercises/bridge.md`.
    private(set) var entries: [String: Entry] = [:]
    /// Sources decoded afresh by the last ``load(_:root:changed:fileSystem:)``: new files and
    /// files whose bytes changed. Only these can have a new page or rendering.
    private(set) var fresh: Set<String> = []
    /// Source paths by the absolute path they were read from, to map a watcher's paths back.
    private(set) var sourceByAbsolute: [String: String] = [:]
    /// The settings the renderings were made with: when they change, every page is rendered
    /// again.
    private var renderedWith: (EmergencySettings, SiteSyllables)?

    /// Loads the walk's Markdown files, reading only those that changed.
    /// - Parameters:
    ///   - files: The walk's Markdown files.
    ///   - root: The content folder as the author named it.
    ///   - changed: Absolute paths that changed since the last load; nil re-reads every file.
    ///   - fileSystem: Where to read.
    /// - Returns: One result per file, in order, as ``Site/load(from:includeDrafts:fileSystem:)`` expects.
    /// - Throws: ``FileSystemError`` when a changed file can't be read.
    package mutating func load(
        _ files: [(source: String, absolute: String)], root: String, changed: Set<String>?, fileSystem: FileSystem
    ) async throws -> [Site.LoadedPage] {
        let previous = entries
        let results = try await files.concurrentMap { file -> (Entry, Bool) in
            let cached = previous[file.source].flatMap { $0.absolute == file.absolute ? $0 : nil }
            if let cached, let changed, !changed.contains(file.absolute) { return (cached, false) }
            let bytes = try fileSystem.read(file.absolute)
            if let cached, cached.bytes == bytes { return (cached, false) }
            let loaded = Site.loadPage(source: file.source, bytes: bytes, root: root)
            return (Entry(absolute: file.absolute, bytes: bytes, page: loaded.page, diagnostics: loaded.diagnostics), true)
        }
        entries = [:]
        entries.reserveCapacity(files.count)
        sourceByAbsolute = [:]
        fresh = []
        for (file, (entry, isFresh)) in zip(files, results) {
            entries[file.source] = entry
            sourceByAbsolute[file.absolute] = file.source
            if isFresh { fresh.insert(file.source) }
        }
        return results.map { ($0.0.page, $0.0.diagnostics) }
    }

    /// Replaces one file's entry, for an edit that changed nothing but that file's contents.
    package mutating func replace(_ source: String, with entry: Entry) {
        entries[source] = entry
    }

    /// Renders the site's pages, reusing the rendering of every page whose file is unchanged.
    /// - Parameter site: The site just loaded from these entries.
    /// - Returns: The rendered site, as ``Site/rendered()`` would return it.
    package mutating func render(_ site: Site) async -> RenderedSite {
        let pages = site.allPages
        if renderedWith.map({ $0 != (site.config.emergency, site.config.syllables) }) ?? true {
            for source in entries.keys { entries[source]?.rendered = nil }
            renderedWith = (site.config.emergency, site.config.syllables)
        }
        let missing = pages.filter { entries[$0.source]?.rendered == nil }
        let settings = RenderSettings(site.config)
        for (page, warnings) in await missing.concurrentMap(eachTask: CmarkArena.init, { arena, page in
            Rendering.render(page, settings: settings, arena: arena)
        }) {
            entries[page.page.source]?.rendered = page
            entries[page.page.source]?.renderWarnings = warnings
        }
        var rendered: [String: RenderedPage] = [:]
        rendered.reserveCapacity(pages.count)
        var warnings: [Diagnostic] = []
        for page in pages {
            guard let entry = entries[page.source], let body = entry.rendered else { continue }
            rendered[page.source] = body
            warnings += entry.renderWarnings
        }
        return RenderedSite(site: site, pages: rendered, diagnostics: warnings)
    }
}
