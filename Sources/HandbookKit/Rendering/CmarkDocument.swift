import CCmark
#if canImport(Glibc)
import Glibc
#endif

/// Owns one parsed cmark tree: the only code that touches `cmark_node` lifetimes.
///
/// Not `Sendable`: a document belongs to the task that parsed it, and only plain Swift
/// values (HTML, headings, links) leave it.
final class CmarkDocument {
    /// A node borrowed from the tree; valid only while the document lives.
    struct Node {
        fileprivate let pointer: OpaquePointer

        var type: cmark_node_type { cmark_node_get_type(pointer) }
        var url: String { cmark_node_get_url(pointer).map { String(cString: $0) } ?? "" }
        var headingLevel: Int { Int(cmark_node_get_heading_level(pointer)) }
        var line: Int { Int(cmark_node_get_start_line(pointer)) }
        var column: Int { Int(cmark_node_get_start_column(pointer)) }

        /// The plain text of the node's inline children (text and code spans), as a reader sees it.
        var plainText: String {
            var text = ""
            var child = cmark_node_first_child(pointer)
            while let node = child {
                switch cmark_node_get_type(node) {
                case CMARK_NODE_TEXT, CMARK_NODE_CODE:
                    if let literal = cmark_node_get_literal(node) { text += String(cString: literal) }
                case CMARK_NODE_SOFTBREAK, CMARK_NODE_LINEBREAK:
                    text += " "
                default:
                    text += Node(pointer: node).plainText
                }
                child = cmark_node_next(node)
            }
            return text
        }

        func setURL(_ url: String) {
            cmark_node_set_url(pointer, url)
        }
    }

    private let root: OpaquePointer

    /// Parses Markdown. Smart punctuation gives readers real quotes and dashes; safe mode
    /// (cmark's default) drops raw HTML and `javascript:` URLs.
    init(markdown: String) {
        var markdown = markdown
        root = markdown.withUTF8 { buffer in
            buffer.withMemoryRebound(to: CChar.self) { chars in
                cmark_parse_document(chars.baseAddress, chars.count, CMARK_OPT_DEFAULT | CMARK_OPT_SMART)
            }
        }
    }

    deinit {
        cmark_node_free(root)
    }

    /// Visits every node once, on entry, in document order.
    func forEachNode(_ visit: (Node) -> Void) {
        let iterator = cmark_iter_new(root)
        defer { cmark_iter_free(iterator) }
        while true {
            let event = cmark_iter_next(iterator)
            if event == CMARK_EVENT_DONE { break }
            if event == CMARK_EVENT_ENTER, let node = cmark_iter_get_node(iterator) {
                visit(Node(pointer: node))
            }
        }
    }

    /// Replaces a heading with a custom block that renders `<hN id="…">`. cmark's HTML
    /// renderer has no heading ids, and a custom block keeps its safe mode for the
    /// heading's contents (raw HTML inside stays omitted). Call after iterating.
    /// - Parameters:
    ///   - heading: A heading node of this document.
    ///   - id: An id made only of letters, digits, `-` and `_` (no escaping needed).
    /// - Returns: The node that now stands where the heading was.
    @discardableResult
    func giveID(_ id: String, to heading: Node) -> Node {
        let level = heading.headingLevel
        guard let block = cmark_node_new(CMARK_NODE_CUSTOM_BLOCK) else { return heading }
        cmark_node_set_on_enter(block, "<h\(level) id=\"\(id)\">")
        cmark_node_set_on_exit(block, "</h\(level)>")
        while let child = cmark_node_first_child(heading.pointer) {
            cmark_node_append_child(block, child)
        }
        cmark_node_replace(heading.pointer, block)
        cmark_node_free(heading.pointer)
        return Node(pointer: block)
    }

    /// Renders the tree as HTML in safe mode.
    func html() -> String {
        Self.html(of: root)
    }

    /// Renders the tree as two HTML parts: the top-level blocks before `split`, and the
    /// rest. Lets a template put a box just above an exercise's steps without touching
    /// the HTML afterwards.
    func html(splittingBefore split: Node) -> (before: String, from: String) {
        guard cmark_node_parent(split.pointer) == root else { return (html(), "") }
        var before = "", from = ""
        var reachedSplit = false
        var child = cmark_node_first_child(root)
        while let node = child {
            if node == split.pointer { reachedSplit = true }
            if reachedSplit { from += Self.html(of: node) } else { before += Self.html(of: node) }
            child = cmark_node_next(node)
        }
        return (before, from)
    }

    private static func html(of node: OpaquePointer) -> String {
        guard let rendered = cmark_render_html(node, CMARK_OPT_DEFAULT | CMARK_OPT_SMART) else { return "" }
        defer { free(rendered) }
        return String(cString: rendered)
    }
}
