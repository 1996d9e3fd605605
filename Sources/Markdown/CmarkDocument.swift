import CCmark
#if canImport(Glibc)
import Glibc
#endif

/// Owns one parsed cmark tree: the only code that touches `cmark_node` lifetimes.
///
/// Not `Sendable`: a document belongs to the task that parsed it, and only plain Swift
/// values (HTML, headings, links) leave it.
package final class CmarkDocument {
    /// A node borrowed from the tree; valid only while the document lives.
    package struct Node {
        package let pointer: OpaquePointer

        package var type: cmark_node_type { cmark_node_get_type(pointer) }
        package var url: String { cmark_node_get_url(pointer).map { String(cString: $0) } ?? "" }
        package var headingLevel: Int { Int(cmark_node_get_heading_level(pointer)) }
        package var line: Int { Int(cmark_node_get_start_line(pointer)) }
        package var column: Int { Int(cmark_node_get_start_column(pointer)) }

        /// The plain text of the node's inline children (text and code spans), as a reader sees it.
        package var plainText: String { text(includingImages: true) }

        /// Appends the words a reader reads in running text: like ``plainText`` but without
        /// image alt text, as UTF-8 straight into the page's prose (``PageProse``).
        package func appendReadableText(to bytes: inout [UInt8]) {
            appendText(includingImages: false, to: &bytes)
        }

        private func text(includingImages: Bool) -> String {
            var bytes: [UInt8] = []
            appendText(includingImages: includingImages, to: &bytes)
            return String(decoding: bytes, as: UTF8.self)
        }

        private func appendText(includingImages: Bool, to bytes: inout [UInt8]) {
            var child = cmark_node_first_child(pointer)
            while let node = child {
                switch cmark_node_get_type(node) {
                case CMARK_NODE_TEXT, CMARK_NODE_CODE:
                    if let literal = cmark_node_get_literal(node) {
                        bytes.append(contentsOf: UnsafeRawBufferPointer(start: literal, count: strlen(literal)).bindMemory(to: UInt8.self))
                    }
                case CMARK_NODE_SOFTBREAK, CMARK_NODE_LINEBREAK:
                    bytes.append(UInt8(ascii: " "))
                case CMARK_NODE_IMAGE where !includingImages:
                    break
                default:
                    Node(pointer: node).appendText(includingImages: includingImages, to: &bytes)
                }
                child = cmark_node_next(node)
            }
        }

        package func setURL(_ url: String) {
            cmark_node_set_url(pointer, url)
        }

        /// A text or code node's characters, borrowed from the tree.
        package var literal: UnsafePointer<CChar>? { cmark_node_get_literal(pointer) }

        package func setLiteral(_ text: String) {
            cmark_node_set_literal(pointer, text)
        }
    }

    /// Internal for the renderer (``bodyHTML(sizeHint:)``), which walks it on its own.
    package let root: OpaquePointer

    /// The arena the tree's memory comes from.
    package let arena: CmarkArena

    /// Parses Markdown. Smart punctuation gives readers real quotes and dashes; safe mode
    /// (cmark's default) drops raw HTML and `javascript:` URLs.
    /// - Parameters:
    ///   - markdown: The text to parse.
    ///   - arena: Where the tree's memory comes from: the render task's, reused page after
    ///     page; a document of its own when not given.
    package init(markdown: String, arena: CmarkArena = CmarkArena()) {
        self.arena = arena
        arena.open()
        var markdown = markdown
        root = arena.withCurrent {
            let parser = cmark_parser_new_with_mem(Self.options, CmarkArena.allocator)
            markdown.withUTF8 { buffer in
                buffer.withMemoryRebound(to: CChar.self) { cmark_parser_feed(parser, $0.baseAddress, $0.count) }
            }
            defer { cmark_parser_free(parser) }
            return cmark_parser_finish(parser)
        }
    }

    /// The options every document is parsed with.
    package static let options = CMARK_OPT_DEFAULT | CMARK_OPT_SMART

    deinit {
        arena.withCurrent { cmark_node_free(root) }
        arena.close()
    }

    /// A new node whose memory comes from the same arena as the tree's, as cmark requires.
    private static func newNode(_ type: cmark_node_type) -> OpaquePointer? {
        cmark_node_new_with_mem(type, CmarkArena.allocator)
    }

    /// Visits every node once, on entry, in document order.
    package func forEachNode(_ visit: (Node) -> Void) {
        // Entered for the whole walk: `visit` may edit nodes (URLs, literals).
        arena.withCurrent {
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
    }

    /// Turns paragraphs written as pipe tables into `<table>` markup. A table parses as a
    /// paragraph whose lines are split by soft breaks; its inline nodes (links, emphasis)
    /// move into cells intact, so links keep their rewritten URLs and positions.
    /// Call after iterating. A `|` inside a cell is not supported (cmark un-escapes `\|`).
    package func convertPipeTables() {
        var paragraphs: [OpaquePointer] = []
        var child = cmark_node_first_child(root)
        while let node = child {
            if cmark_node_get_type(node) == CMARK_NODE_PARAGRAPH { paragraphs.append(node) }
            child = cmark_node_next(node)
        }
        arena.withCurrent {
            for paragraph in paragraphs { convertPipeTable(paragraph) }
        }
    }

    private func convertPipeTable(_ paragraph: OpaquePointer) {
        let lines = Self.lines(of: paragraph)
        guard lines.count >= 2, lines[0].contains(where: { Self.text(of: $0).contains("|") }),
              lines[1].count == 1, let alignments = PipeTable.delimiterRow(Self.text(of: lines[1][0])),
              PipeTable.cells(of: lines[0].map(Self.text).joined()).count == alignments.count,
              let table = Self.block("<div class=\"table-wrap\">\n<table>", "</table>\n</div>")
        else { return }
        for (index, line) in lines.enumerated() where index != 1 {
            let isHeader = index == 0
            let tag = isHeader ? "th" : "td"
            let row = Self.block(isHeader ? "<thead>\n<tr>" : "<tr>", isHeader ? "</tr>\n</thead>" : "</tr>")!
            let cells = Self.splitCells(line)
            for (column, alignment) in alignments.enumerated() {
                let cell = Self.newNode(CMARK_NODE_CUSTOM_INLINE)!
                cmark_node_set_on_enter(cell, "<\(tag)\(alignment.attribute)>")
                cmark_node_set_on_exit(cell, "</\(tag)>")
                for node in column < cells.count ? cells[column] : [] { cmark_node_append_child(cell, node) }
                cmark_node_append_child(row, cell)
            }
            // Cells beyond the header's columns are dropped, as GitHub does.
            for extra in cells.dropFirst(alignments.count).joined() { cmark_node_free(extra) }
            cmark_node_append_child(table, row)
        }
        for node in lines[1] { cmark_node_free(node) }
        cmark_node_replace(paragraph, table)
        cmark_node_free(paragraph)
    }

    private static func block(_ enter: String, _ exit: String) -> OpaquePointer? {
        guard let block = newNode(CMARK_NODE_CUSTOM_BLOCK) else { return nil }
        cmark_node_set_on_enter(block, enter)
        cmark_node_set_on_exit(block, exit)
        return block
    }

    /// A paragraph's inline children, split into lines at soft and hard breaks.
    private static func lines(of paragraph: OpaquePointer) -> [[OpaquePointer]] {
        var lines: [[OpaquePointer]] = [[]]
        var child = cmark_node_first_child(paragraph)
        while let node = child {
            let type = cmark_node_get_type(node)
            if type == CMARK_NODE_SOFTBREAK || type == CMARK_NODE_LINEBREAK {
                lines.append([])
            } else {
                lines[lines.count - 1].append(node)
            }
            child = cmark_node_next(node)
        }
        return lines
    }

    /// A text node's literal; any other inline counts as one non-pipe character.
    private static func text(of node: OpaquePointer) -> String {
        guard cmark_node_get_type(node) == CMARK_NODE_TEXT else { return "x" }
        return cmark_node_get_literal(node).map { String(cString: $0) } ?? ""
    }

    /// Moves a line's inline nodes into cells, splitting text nodes at `|` and trimming the
    /// spaces at each cell's edges. Cells outside a leading or trailing pipe are dropped.
    private static func splitCells(_ line: [OpaquePointer]) -> [[OpaquePointer]] {
        let lineText = line.map(text).joined().trimmingSpaces
        var cells: [[OpaquePointer]] = [[]]
        for (position, node) in line.enumerated() {
            cmark_node_unlink(node)
            guard cmark_node_get_type(node) == CMARK_NODE_TEXT else {
                cells[cells.count - 1].append(node)
                continue
            }
            let pieces = text(of: node).split(separator: "|", omittingEmptySubsequences: false)
            cmark_node_free(node)
            for (index, piece) in pieces.enumerated() {
                if index > 0 { cells.append([]) }
                var piece = piece[...]
                if index > 0 || position == 0 { piece = piece.drop { $0 == " " || $0 == "\t" } }
                if index < pieces.count - 1 || position == line.count - 1 {
                    while piece.last == " " || piece.last == "\t" { piece = piece.dropLast() }
                }
                guard !piece.isEmpty, let textNode = Self.newNode(CMARK_NODE_TEXT) else { continue }
                cmark_node_set_literal(textNode, String(piece))
                cells[cells.count - 1].append(textNode)
            }
        }
        if lineText.hasPrefix("|"), cells.first?.isEmpty == true { cells.removeFirst() }
        if lineText.hasSuffix("|"), cells.count > 1, cells.last?.isEmpty == true { cells.removeLast() }
        return cells
    }
}
