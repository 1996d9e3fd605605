import CCmark
#if canImport(Glibc)
import Glibc
#endif

/// Writes cmark's tree as the bytes cmark's own HTML renderer writes in safe mode (the tests
/// hold the two side by side, and the CommonMark spec suite holds both to the spec), but with
/// heading tags and URLs left as ``BodyHTML`` slots, so that one render serves every place the
/// body is shown. One method per kind of node.
///
/// A heading is written as cmark writes a custom block, each tag on a line of its own;
/// that is how earlier builds gave headings their ids.
struct BodyHTMLWriter {
    private let root: OpaquePointer
    private var html: [UInt8] = [], slots: [BodyHTML.Slot] = [], urls: [UInt8] = []
    private var headings: Int32 = 0
    /// The image being written: inside it only text is written, as its alt text.
    private var alt: OpaquePointer?

    /// - Parameters:
    ///   - root: The document node; it must outlive the writer.
    ///   - sizeHint: The Markdown's length, to size the output once.
    init(root: OpaquePointer, sizeHint: Int) {
        self.root = root
        html.reserveCapacity(sizeHint + sizeHint / 2)
    }

    consuming func write() -> BodyHTML {
        let iterator = cmark_iter_new(root)
        defer { cmark_iter_free(iterator) }
        while case let event = cmark_iter_next(iterator), event != CMARK_EVENT_DONE {
            guard let node = cmark_iter_get_node(iterator) else { continue }
            if alt == node { alt = nil }
            if alt != nil {
                altText(node)
            } else {
                visit(node, entering: event == CMARK_EVENT_ENTER)
            }
        }
        return BodyHTML(html: html, slots: slots, urls: urls)
    }

    private mutating func visit(_ node: OpaquePointer, entering: Bool) {
        switch cmark_node_get_type(node) {
        case CMARK_NODE_BLOCK_QUOTE: block(entering ? "<blockquote>\n" : "</blockquote>\n")
        case CMARK_NODE_LIST: list(node, entering: entering)
        case CMARK_NODE_ITEM: item(entering: entering)
        case CMARK_NODE_HEADING: heading(node, entering: entering)
        case CMARK_NODE_CODE_BLOCK: codeBlock(node)
        case CMARK_NODE_HTML_BLOCK: standalone("<!-- raw HTML omitted -->")
        case CMARK_NODE_CUSTOM_BLOCK: standalone(entering ? cmark_node_get_on_enter(node) : cmark_node_get_on_exit(node))
        case CMARK_NODE_THEMATIC_BREAK: block("<hr />\n")
        case CMARK_NODE_PARAGRAPH: paragraph(node, entering: entering)
        case CMARK_NODE_TEXT: escape(cmark_node_get_literal(node))
        case CMARK_NODE_LINEBREAK: put("<br />\n")
        case CMARK_NODE_SOFTBREAK: put("\n")
        case CMARK_NODE_CODE: code(node)
        case CMARK_NODE_HTML_INLINE: put("<!-- raw HTML omitted -->")
        case CMARK_NODE_CUSTOM_INLINE: put(entering ? cmark_node_get_on_enter(node) : cmark_node_get_on_exit(node))
        case CMARK_NODE_STRONG: put(entering ? "<strong>" : "</strong>")
        case CMARK_NODE_EMPH: put(entering ? "<em>" : "</em>")
        case CMARK_NODE_LINK: link(node, entering: entering)
        case CMARK_NODE_IMAGE: image(node, entering: entering)
        default: break
        }
    }

    /// Inside an image: its text, as the `alt` attribute.
    private mutating func altText(_ node: OpaquePointer) {
        switch cmark_node_get_type(node) {
        case CMARK_NODE_TEXT, CMARK_NODE_CODE, CMARK_NODE_HTML_INLINE: escape(cmark_node_get_literal(node))
        case CMARK_NODE_LINEBREAK, CMARK_NODE_SOFTBREAK: put(" ")
        default: break
        }
    }

    // MARK: Blocks

    private mutating func list(_ node: OpaquePointer, entering: Bool) {
        let bullet = cmark_node_get_list_type(node) == CMARK_BULLET_LIST
        guard entering else { return put(bullet ? "</ul>\n" : "</ol>\n") }
        cr()
        let start = cmark_node_get_list_start(node)
        if bullet {
            put("<ul>\n")
        } else if start == 1 {
            put("<ol>\n")
        } else {
            html += "<ol start=\"\(start)\">\n".utf8
        }
    }

    private mutating func item(entering: Bool) {
        guard entering else { return put("</li>\n") }
        cr()
        put("<li>")
    }

    private mutating func heading(_ node: OpaquePointer, entering: Bool) {
        cr()
        if entering {
            slot(.headingStart, headings, cmark_node_parent(node) == root ? 1 : 0)
            headings += 1
        } else {
            slot(.headingEnd, headings - 1)
        }
        put("\n")
    }

    private mutating func codeBlock(_ node: OpaquePointer) {
        cr()
        if let info = cmark_node_get_fence_info(node), info.pointee != 0 {
            // The first word of the info string, as cmark's `cmark_isspace` ends it.
            var length = 0
            while info[length] != 0, info[length] != 0x20, !(0x09...0x0D).contains(info[length]) { length += 1 }
            put("<pre><code class=\"language-")
            escape(info, count: length)
            put("\">")
        } else {
            put("<pre><code>")
        }
        escape(cmark_node_get_literal(node))
        put("</code></pre>\n")
    }

    /// Paragraphs of a tight list are written without `<p>`, as cmark writes them.
    private mutating func paragraph(_ node: OpaquePointer, entering: Bool) {
        let list = cmark_node_parent(cmark_node_parent(node))
        if let list, cmark_node_get_type(list) == CMARK_NODE_LIST, cmark_node_get_list_tight(list) != 0 { return }
        guard entering else { return put("</p>\n") }
        cr()
        put("<p>")
    }

    // MARK: Inlines

    private mutating func code(_ node: OpaquePointer) {
        put("<code>")
        escape(cmark_node_get_literal(node))
        put("</code>")
    }

    private mutating func link(_ node: OpaquePointer, entering: Bool) {
        guard entering else { return put("</a>") }
        put("<a href=\"")
        urlSlot(node)
        title(node)
        put("\">")
    }

    private mutating func image(_ node: OpaquePointer, entering: Bool) {
        guard entering else {
            title(node)
            return put("\" />")
        }
        put("<img src=\"")
        urlSlot(node)
        put("\" alt=\"")
        alt = node
    }

    // MARK: Output

    /// A block's tag, on a line of its own.
    private mutating func block(_ text: StaticString) {
        cr()
        put(text)
    }

    /// Text with a line break before and after it.
    private mutating func standalone(_ text: StaticString) {
        cr()
        put(text)
        cr()
    }

    private mutating func standalone(_ text: UnsafePointer<CChar>?) {
        cr()
        put(text)
        cr()
    }

    private mutating func put(_ text: StaticString) {
        html.append(contentsOf: UnsafeBufferPointer(start: text.utf8Start, count: text.utf8CodeUnitCount))
    }

    private mutating func put(_ text: UnsafePointer<CChar>?) {
        guard let text else { return }
        html.append(contentsOf: UnsafeRawBufferPointer(start: text, count: strlen(text)).bindMemory(to: UInt8.self))
    }

    private mutating func escape(_ text: UnsafePointer<CChar>?, count: Int? = nil) {
        guard let text else { return }
        let bytes = UnsafeRawBufferPointer(start: text, count: count ?? strlen(text)).bindMemory(to: UInt8.self)
        CmarkEscaping.appendText(bytes, to: &html)
    }

    /// A line break unless the output is empty or already ends in one.
    private mutating func cr() {
        if let last = html.last, last != UInt8(ascii: "\n") { html.append(UInt8(ascii: "\n")) }
    }

    private mutating func slot(_ kind: BodyHTML.Slot.Kind, _ first: Int32, _ second: Int32 = 0) {
        slots.append(BodyHTML.Slot(kind: kind, offset: Int32(html.count), first: first, second: second))
    }

    private mutating func urlSlot(_ node: OpaquePointer) {
        let start = Int32(urls.count)
        if let url = cmark_node_get_url(node) {
            urls.append(contentsOf: UnsafeRawBufferPointer(start: url, count: strlen(url)).bindMemory(to: UInt8.self))
        }
        slot(.url, start, Int32(urls.count))
    }

    private mutating func title(_ node: OpaquePointer) {
        guard let title = cmark_node_get_title(node), title.pointee != 0 else { return }
        put("\" title=\"")
        escape(title)
    }
}
