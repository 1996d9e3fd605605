import HandbookCore

/// Everything loaded from `Content/`: the first stage's value.
public struct Site: Sendable, Equatable {
    public var config: SiteConfig
    /// Sections sorted by `order`, then title.
    public var sections: [Section]
    /// Images and other files, copied beside their pages.
    public var assets: [Asset]
    /// The topic ids of `Content/topics.yml`, when the site has one.
    public var topics: [Topic] = []

    public init(config: SiteConfig, sections: [Section], assets: [Asset] = []) {
        self.config = config
        self.sections = sections
        self.assets = assets
    }

    /// Every page in reading order: each section's intro, then its pages.
    public var allPages: [Page] {
        sections.flatMap { [$0.index] + $0.pages }
    }

    /// The site with every page's body dropped: what stays after rendering. Only pages that
    /// still hold a body are written to, so a site without bodies is not copied page by page.
    package var withoutBodies: Site {
        var site = self
        for index in site.sections.indices {
            if !site.sections[index].index.body.isEmpty { site.sections[index].index.body = "" }
            for page in site.sections[index].pages.indices where !site.sections[index].pages[page].body.isEmpty {
                site.sections[index].pages[page].body = ""
            }
        }
        return site
    }

    /// Pages built, section intros included: ``allPages``' count, without copying the pages.
    public var pageCount: Int {
        sections.reduce(0) { $0 + 1 + $1.pages.count }
    }

    /// Pages with an `exercise:` block.
    public var exerciseCount: Int {
        sections.reduce(0) { count, section in
            count + (section.index.frontMatter.exercise == nil ? 0 : 1) + section.pages.count { $0.frontMatter.exercise != nil }
        }
    }
}

/// A top-level folder of `Content/` with an `_index.md`.
public struct Section: Sendable, Equatable {
    public var slug: String
    /// The section's `_index.md`: its title, summary and introduction.
    public var index: Page
    /// Pages sorted by `order`, then title.
    public var pages: [Page]

    public init(slug: String, index: Page, pages: [Page]) {
        self.slug = slug
        self.index = index
        self.pages = pages
    }
}

/// One Markdown file: `Content/<section>/<slug>.md`, or a section's `_index.md`. Copies
/// share its fields (``CopyOnWrite``).
public struct Page: Sendable, Equatable {
    private var fields: CopyOnWrite<Fields>

    /// Path relative to the content folder, such as `exercises/bridge.md`.
    public var source: String {
        _read { yield fields.value.source }
        _modify { yield &fields.value.source }
    }
    /// The path diagnostics show, such as `Content/exercises/bridge.md`.
    public var file: String {
        _read { yield fields.value.file }
        _modify { yield &fields.value.file }
    }
    public var frontMatter: FrontMatter {
        _read { yield fields.value.frontMatter }
        _modify { yield &fields.value.frontMatter }
    }
    /// The Markdown after the front matter; empty once the page is rendered, which is its
    /// only reader (10,000 bodies are 75 MB).
    public var body: String {
        _read { yield fields.value.body }
        _modify { yield &fields.value.body }
    }
    /// The file line where `body` starts, to offset Markdown positions.
    public var bodyLine: Int {
        _read { yield fields.value.bodyLine }
        _modify { yield &fields.value.bodyLine }
    }
    /// The file line of each top-level front-matter key, for diagnostics about a field.
    public var keyLines: [String: Int] {
        _read { yield fields.value.keyLines }
        _modify { yield &fields.value.keyLines }
    }

    /// The line of a front-matter key, or the opening `---` when the key is absent.
    public func line(of key: String) -> Int { keyLines[key] ?? 1 }

    public init(source: String, file: String? = nil, frontMatter: FrontMatter, body: String, bodyLine: Int) {
        fields = CopyOnWrite(Fields(source: source, file: file ?? source, frontMatter: frontMatter, body: body, bodyLine: bodyLine))
    }

    private struct Fields: Sendable, Equatable {
        package var source: String
        package var file: String
        package var frontMatter: FrontMatter
        package var body: String
        package var bodyLine: Int
        package var keyLines: [String: Int] = [:]
    }

    /// The section folder name.
    public var section: String {
        // Characters up to the first `/`; in ASCII each byte is one, and bytes are quicker.
        var path = source
        let ascii = path.withUTF8 { bytes -> String? in
            guard ByteLanes.isASCII(bytes) else { return nil }
            return String(decoding: UnsafeBufferPointer(rebasing: bytes[..<(bytes.firstIndex(of: UInt8(ascii: "/")) ?? bytes.count)]), as: UTF8.self)
        }
        return ascii ?? String(source.prefix { $0 != "/" })
    }
    /// The file name without `.md`.
    public var slug: String { Self.slug(ofSource: source) }

    /// ``slug`` for a source path: loading checks it before there is a page.
    package static func slug(ofSource source: String) -> String {
        var path = source
        // Bytes for ASCII paths, nearly all: every page comes here. Characters otherwise, in
        // which a mark after `/` or before `.md` joins it.
        let name = path.withUTF8 { bytes -> String? in
            let name = UnsafeBufferPointer(rebasing: bytes[fileName(in: bytes)])
            guard !name.isEmpty, ByteLanes.isASCII(bytes) else { return nil }
            let end = name.count >= 3 && name[(name.count - 3)...].elementsEqual(".md".utf8) ? name.count - 3 : name.count
            return String(decoding: UnsafeBufferPointer(rebasing: name[..<end]), as: UTF8.self)
        }
        if let name { return name }
        let file = source.split(separator: "/").last.map(String.init) ?? source
        return file.hasSuffix(".md") ? String(file.dropLast(3)) : file
    }
    /// Whether the file is `_index.md`: ``slug`` is `_index`, read from the bytes, since
    /// rules and the site graph ask it of every page and ``slug`` allocates.
    public var isSectionIndex: Bool { Self.isSectionIndex(source) }

    /// ``isSectionIndex`` for a source path: a page tested through its path alone is not
    /// copied first, as an array element passed to a getter is.
    package static func isSectionIndex(_ source: String) -> Bool {
        var path = source
        return path.withUTF8 { bytes in
            let name = bytes[fileName(in: bytes)]
            return name.elementsEqual("_index.md".utf8) || name.elementsEqual("_index".utf8)
        }
    }

    /// Where a path's last component is, as `split(separator: "/").last` finds it: `split`
    /// drops empty components, so trailing slashes don't count. Empty when the path is
    /// slashes alone.
    private static func fileName(in path: UnsafeBufferPointer<UInt8>) -> Range<Int> {
        var end = path.count
        while end > 0, path[end - 1] == UInt8(ascii: "/") { end -= 1 }
        return (path[..<end].lastIndex(of: UInt8(ascii: "/")).map { $0 + 1 } ?? 0)..<end
    }
}

/// A non-Markdown file under `Content/`, copied to the same relative path.
public struct Asset: Sendable, Equatable {
    /// Path relative to the content folder.
    public var source: String
    /// The file's real location on disk.
    public var absolutePath: String

    public init(source: String, absolutePath: String) {
        self.source = source
        self.absolutePath = absolutePath
    }
}
