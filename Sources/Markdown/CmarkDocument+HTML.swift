import HandbookCore
import CCmark
#if canImport(Glibc)
import Glibc
#endif

extension CmarkDocument {
    /// Renders the tree to the bytes cmark's own HTML renderer writes in safe mode (the tests
    /// hold the two side by side), but with heading tags and URLs left as ``BodyHTML`` slots,
    /// so that one render serves every place the body is shown.
    ///
    /// A heading is written as cmark writes a custom block, each tag on a line of its own;
    /// that is how earlier builds gave headings their ids.
    /// - Parameter sizeHint: The Markdown's length, to size the output once.
    package func bodyHTML(sizeHint: Int = 0) -> BodyHTML {
        var html: [UInt8] = [], slots: [BodyHTML.Slot] = [], urls: [UInt8] = []
        html.reserveCapacity(sizeHint + sizeHint / 2)
        var headings: Int32 = 0
        // Inside an image, only text is written, as its alt text.
        var alt: OpaquePointer?

        func put(_ text: StaticString) {
            html.append(contentsOf: UnsafeBufferPointer(start: text.utf8Start, count: text.utf8CodeUnitCount))
        }
        func put(_ text: UnsafePointer<CChar>?) {
            guard let text else { return }
            html.append(contentsOf: UnsafeRawBufferPointer(start: text, count: strlen(text)).bindMemory(to: UInt8.self))
        }
        func escape(_ text: UnsafePointer<CChar>?, count: Int? = nil) {
            guard let text else { return }
            let bytes = UnsafeRawBufferPointer(start: text, count: count ?? strlen(text)).bindMemory(to: UInt8.self)
            CmarkEscaping.appendText(bytes, to: &html)
        }
        // A line break unless the output is empty or already ends in one.
        func cr() {
            if let last = html.last, last != UInt8(ascii: "\n") { html.append(UInt8(ascii: "\n")) }
        }
        func slot(_ kind: BodyHTML.Slot.Kind, _ first: Int32, _ second: Int32 = 0) {
            slots.append(BodyHTML.Slot(kind: kind, offset: Int32(html.count), first: first, second: second))
        }
        func urlSlot(_ node: OpaquePointer) {
            let start = Int32(urls.count)
            if let url = cmark_node_get_url(node) {
                urls.append(contentsOf: UnsafeRawBufferPointer(start: url, count: strlen(url)).bindMemory(to: UInt8.self))
            }
            slot(.url, start, Int32(urls.count))
        }
        func title(_ node: OpaquePointer) {
            guard let title = cmark_node_get_title(node), title.pointee != 0 else { return }
            put("\" title=\"")
            escape(title)
        }

        let iterator = cmark_iter_new(root)
        defer { cmark_iter_free(iterator) }
        while case let event = cmark_iter_next(iterator), event != CMARK_EVENT_DONE {
            guard let node = cmark_iter_get_node(iterator) else { continue }
            let entering = event == CMARK_EVENT_ENTER
            if alt == node { alt = nil }
            let type = cmark_node_get_type(node)
            if alt != nil {
                switch type {
                case CMARK_NODE_TEXT, CMARK_NODE_CODE, CMARK_NODE_HTML_INLINE: escape(cmark_node_get_literal(node))
                case CMARK_NODE_LINEBREAK, CMARK_NODE_SOFTBREAK: put(" ")
                default: break
                }
                continue
            }
            switch type {
            case CMARK_NODE_BLOCK_QUOTE:
                cr()
                put(entering ? "<blockquote>\n" : "</blockquote>\n")
            case CMARK_NODE_LIST:
                let bullet = cmark_node_get_list_type(node) == CMARK_BULLET_LIST
                guard entering else {
                    put(bullet ? "</ul>\n" : "</ol>\n")
                    break
                }
                cr()
                let start = cmark_node_get_list_start(node)
                if bullet { put("<ul>\n") } else if start == 1 { put("<ol>\n") } else { html += "<ol start=\"\(start)\">\n".utf8 }
            case CMARK_NODE_ITEM:
                if entering {
                    cr()
                    put("<li>")
                } else {
                    put("</li>\n")
                }
            case CMARK_NODE_HEADING:
                cr()
                if entering {
                    slot(.headingStart, headings, cmark_node_parent(node) == root ? 1 : 0)
                    headings += 1
                } else {
                    slot(.headingEnd, headings - 1)
                }
                put("\n")
            case CMARK_NODE_CODE_BLOCK:
                cr()
                let info = cmark_node_get_fence_info(node)
                if let info, info.pointee != 0 {
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
            case CMARK_NODE_HTML_BLOCK:
                cr()
                put("<!-- raw HTML omitted -->")
                cr()
            case CMARK_NODE_CUSTOM_BLOCK:
                cr()
                put(entering ? cmark_node_get_on_enter(node) : cmark_node_get_on_exit(node))
                cr()
            case CMARK_NODE_THEMATIC_BREAK:
                cr()
                put("<hr />\n")
            case CMARK_NODE_PARAGRAPH:
                let list = cmark_node_parent(cmark_node_parent(node))
                if let list, cmark_node_get_type(list) == CMARK_NODE_LIST, cmark_node_get_list_tight(list) != 0 { break }
                if entering {
                    cr()
                    put("<p>")
                } else {
                    put("</p>\n")
                }
            case CMARK_NODE_TEXT:
                escape(cmark_node_get_literal(node))
            case CMARK_NODE_LINEBREAK:
                put("<br />\n")
            case CMARK_NODE_SOFTBREAK:
                put("\n")
            case CMARK_NODE_CODE:
                put("<code>")
                escape(cmark_node_get_literal(node))
                put("</code>")
            case CMARK_NODE_HTML_INLINE:
                put("<!-- raw HTML omitted -->")
            case CMARK_NODE_CUSTOM_INLINE:
                put(entering ? cmark_node_get_on_enter(node) : cmark_node_get_on_exit(node))
            case CMARK_NODE_STRONG:
                put(entering ? "<strong>" : "</strong>")
            case CMARK_NODE_EMPH:
                put(entering ? "<em>" : "</em>")
            case CMARK_NODE_LINK:
                guard entering else {
                    put("</a>")
                    break
                }
                put("<a href=\"")
                urlSlot(node)
                title(node)
                put("\">")
            case CMARK_NODE_IMAGE:
                guard entering else {
                    title(node)
                    put("\" />")
                    break
                }
                put("<img src=\"")
                urlSlot(node)
                put("\" alt=\"")
                alt = node
            default:
                break
            }
        }
        return BodyHTML(html: html, slots: slots, urls: urls)
    }
}
