import CCmark
import Foundation
#if canImport(Glibc)
import Glibc
#endif
import Testing
@testable import Markdown

/// One example of the CommonMark 0.30 spec (`../shared/specs/commonmark/spec-0.30.json`,
/// CC-BY-SA 4.0, dumped from commonmark-spec 0.30.0): Markdown and the HTML it must give.
struct CommonMarkExample: Sendable, Decodable, CustomTestStringConvertible {
    let example: Int
    let section: String
    let markdown: String
    let html: String

    var testDescription: String { "example \(example) (\(section))" }

    /// Every example, in the spec's order.
    /// - Throws: ``CommonMarkSpecMissing`` when the spec can't be found: CI has it, so a
    ///   missing file is a broken checkout, never a reason to pass.
    static func all() throws -> [CommonMarkExample] {
        let file = try CommonMarkSpecFolder.url().appendingPathComponent(CommonMarkSpecFolder.file)
        return try JSONDecoder().decode([CommonMarkExample].self, from: Data(contentsOf: file))
    }
}

/// Where the spec is: `$HANDBOOK_SPECS` (the folder holding `commonmark/`, or `commonmark/`
/// itself) when set, else `../../../shared/specs/commonmark` from this file's folder.
enum CommonMarkSpecFolder {
    static let file = "spec-0.30.json"

    static func url() throws -> URL {
        if let variable = ProcessInfo.processInfo.environment["HANDBOOK_SPECS"], !variable.isEmpty {
            let given = URL(fileURLWithPath: variable)
            for folder in [given.appendingPathComponent("commonmark"), given] where holdsSpec(folder) { return folder }
            throw CommonMarkSpecMissing(looked: "HANDBOOK_SPECS=\(variable) (neither it nor its commonmark/ holds \(file))")
        }
        // Tests/MarkdownTests/Support/ → the repository's neighbour `shared/`. Resolved, so a
        // test folder reached through a symlink still finds it.
        let folder = URL(fileURLWithPath: #filePath).resolvingSymlinksInPath().deletingLastPathComponent()
            .appendingPathComponent("../../../../shared/specs/commonmark").standardizedFileURL
        guard holdsSpec(folder) else { throw CommonMarkSpecMissing(looked: folder.path) }
        return folder
    }

    private static func holdsSpec(_ folder: URL) -> Bool {
        FileManager.default.fileExists(atPath: folder.appendingPathComponent(file).path)
    }
}

struct CommonMarkSpecMissing: Error, CustomStringConvertible {
    let looked: String
    var description: String {
        "the CommonMark spec is missing: looked in \(looked). Check out the shared specs beside the repository "
            + "(../shared/specs/commonmark/\(CommonMarkSpecFolder.file)) or set HANDBOOK_SPECS to the specs folder."
    }
}

/// An example's body as the page pipeline writes it, and what libcmark writes for it.
struct RenderedExample {
    /// The body writer's HTML, slots filled the plain way: `<hN id="…">` with the slugger's
    /// ids, URLs as written.
    let html: String
    /// Whether the tree holds raw HTML or a URL cmark's safe mode drops, where libcmark's
    /// safe-mode output, not the spec's, is what the writer must match.
    let isRawOrUnsafe: Bool

    /// The options `CmarkDocument(markdown:)` parses with; libcmark is given the same.
    static let pipelineOptions = CMARK_OPT_DEFAULT | CMARK_OPT_SMART

    /// As `render(_:)` (Rendering/Renderer.swift) does for a page: parse, one pass giving
    /// headings their ids, pipe tables, then ``CmarkDocument/bodyHTML(sizeHint:)``. Its link
    /// rewriting (`LinkResolver`, above this target) is left out: URLs stay as written.
    init(_ markdown: String) {
        let document = CmarkDocument(markdown: markdown)
        var slugger = HeadingSlugger()
        var headings: [(level: Int, id: String)] = []
        var isRawOrUnsafe = false
        document.forEachNode { node in
            switch node.type {
            case CMARK_NODE_HEADING:
                headings.append((node.headingLevel, slugger.id(for: node.plainText)))
            case CMARK_NODE_HTML_BLOCK, CMARK_NODE_HTML_INLINE:
                isRawOrUnsafe = true
            case CMARK_NODE_LINK, CMARK_NODE_IMAGE:
                if CmarkEscaping.isDangerous(node.url.utf8) { isRawOrUnsafe = true }
            default:
                break
            }
        }
        document.convertPipeTables()
        let body = document.bodyHTML(sizeHint: markdown.utf8.count)
        var bytes: [UInt8] = []
        body.fill(0..<body.count, into: &bytes) { headings[$0] }
        html = String(decoding: bytes, as: UTF8.self)
        self.isRawOrUnsafe = isRawOrUnsafe
    }

    /// libcmark's own renderer (`cmark_markdown_to_html`), in safe mode unless `options` say otherwise.
    static func cmark(_ markdown: String, options: Int32 = pipelineOptions) -> String {
        markdown.utf8CString.withUnsafeBufferPointer { text in
            guard let html = cmark_markdown_to_html(text.baseAddress, text.count - 1, options) else { return "" }
            defer { free(html) }
            return String(cString: html)
        }
    }
}
