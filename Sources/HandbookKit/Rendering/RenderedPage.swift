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

/// One paragraph, list item or table row of running text, as plain words.
public struct ProseBlock: Sendable, Equatable {
    /// 1-based file line where the block starts.
    public var line: Int
    /// The block's words, ending in sentence punctuation: a list item or table cell ends a
    /// sentence even when its author left the full stop out.
    public var text: String

    /// Makes a block from a paragraph's text; nil when it has no words.
    /// - Parameters:
    ///   - line: The file line.
    ///   - markdownText: The paragraph's plain text. A pipe table still arrives as one
    ///     paragraph here, so each cell becomes a sentence of its own.
    public init?(line: Int, markdownText: String) {
        var markdownText = markdownText
        let text = markdownText.withUTF8 { utf8 in
            var text: [UInt8] = []
            text.reserveCapacity(utf8.count + 8)
            var cellStart = 0
            for cellEnd in utf8.indices where utf8[cellEnd] == UInt8(ascii: "|") || cellEnd == utf8.count - 1 {
                let end = utf8[cellEnd] == UInt8(ascii: "|") ? cellEnd : cellEnd + 1
                Self.appendSentence(UnsafeBufferPointer(rebasing: utf8[cellStart..<end]), to: &text)
                cellStart = cellEnd + 1
            }
            return text
        }
        guard !text.isEmpty else { return nil }
        self.line = line
        self.text = String(decoding: text, as: UTF8.self)
    }

    /// Appends a cell's text, its spaces trimmed, as a sentence; nothing when it has no words.
    private static func appendSentence(_ cell: UnsafeBufferPointer<UInt8>, to text: inout [UInt8]) {
        let isSpace = { (byte: UInt8) in byte == 0x20 || byte == 0x09 }
        guard let first = cell.firstIndex(where: { !isSpace($0) }), let last = cell.lastIndex(where: { !isSpace($0) }) else { return }
        let sentence = UnsafeBufferPointer(rebasing: cell[first...last])
        guard hasWords(sentence) else { return }
        if !text.isEmpty { text.append(UInt8(ascii: " ")) }
        text.append(contentsOf: sentence)
        if !Readability.isSentenceEnd(sentence[sentence.count - 1]) { text.append(UInt8(ascii: ".")) }
    }

    /// Whether text holds a letter or digit; ASCII, nearly all text, is judged by its bytes.
    private static func hasWords(_ text: UnsafeBufferPointer<UInt8>) -> Bool {
        if text.contains(where: { $0 &- 0x30 < 10 || ($0 | 0x20) &- 0x61 < 26 }) { return true }
        return text.contains { $0 >= 0x80 } && String(decoding: text, as: UTF8.self).contains { $0.isLetter || $0.isNumber }
    }
}

/// A page's prose as the readability rules count it: the counts, not the text, and only
/// the sentences the rules report, since every page of a large site holds one.
struct ProseCounts: Sendable, Equatable {
    /// All the prose counted as one text; nil when the page has none.
    var readability: Readability?
    /// The file line of the first prose block.
    var firstLine: Int?
    /// The sentences over ``SentenceLengthRule/limit`` words: their block's file line, and
    /// their words.
    var longSentences: [(line: Int, words: Int)] = []

    init(_ prose: [ProseBlock] = []) {
        guard !prose.isEmpty else { return }
        let units = prose.map { Readability.units($0.text) }
        let sentenceLengths = units.map(Readability.sentenceLengths(in:))
        firstLine = prose[0].line
        for (block, lengths) in zip(prose, sentenceLengths) {
            for words in lengths where words > SentenceLengthRule.limit { longSentences.append((block.line, words)) }
        }
        readability = Readability(blocks: units, sentenceLengths: sentenceLengths)
    }

    static func == (lhs: ProseCounts, rhs: ProseCounts) -> Bool {
        lhs.readability == rhs.readability && lhs.firstLine == rhs.firstLine
            && lhs.longSentences.elementsEqual(rhs.longSentences) { $0 == $1 }
    }
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

    private final class Box: Sendable, Equatable {
        let page: RenderedPage
        init(_ page: RenderedPage) { self.page = page }
        static func == (lhs: Box, rhs: Box) -> Bool { lhs === rhs || lhs.page == rhs.page }
    }
}
