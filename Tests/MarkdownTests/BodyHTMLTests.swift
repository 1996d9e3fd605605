import CCmark
#if canImport(Glibc)
import Glibc
#endif
import Testing
@testable import Markdown

/// The body renderer against cmark's own: on the same tree it must write the same bytes,
/// headings written as the custom blocks that gave them ids before.
@Suite struct BodyHTMLTests {
    /// Markdown with every kind of node cmark makes, and the corners of its HTML renderer.
    static let everything = """
        # Title *with* `code`

        Setext heading
        over two lines
        ---------------

        ##

        A paragraph with *emphasis*, **strong**, `a < b && c > "d"`, "quotes" -- and 'more'...
        A hard break  
        and another\\
        and [a link](https://example.org/a?b=1&c='2' "A \\"title\\" & more"), <https://example.org/auto>,
        <someone@example.org>, [empty]() and ![an *image* with `code` and [a link](x.md)
        over a line](pic.png "Pic & title") &amp; &copy; &#35; <b>inline html</b> <!-- comment -->.
        Unsafe: [j](javascript:alert(1)) [v](VBScript:x) [f](file:///etc) ![d](data:image/png;base64,AA)
        ![t](data:text/html,x) [u](<a b/ü?x=[1]{2}|3\\\\4^5`6>).

        > A quote
        >
        > ## A heading in a quote
        >
        > - a tight
        > - list

        1. Loose

        2. ordered
           - nested
           - tight

        3. list

        7) Starts
        8) at seven

        - [ ] item

        ***

            indented code <&>

        ```python extra words
        fenced <code> & "more"
        ```

        ~~~
        no info
        ~~~

        <div>
        an HTML block
        </div>

        | Move | Dose |
        |:-----|-----:|
        | [Bridge](bridge.md) | 8 *times* |
        """

    /// cmark's rendering of a tree whose headings became custom blocks carrying ids.
    func cmarkHTML(_ document: CmarkDocument, ids: [String]) -> [UInt8] {
        var headings: [OpaquePointer] = []
        document.forEachNode { node in
            if node.type == CMARK_NODE_HEADING { headings.append(node.pointer) }
        }
        for (heading, id) in zip(headings, ids) {
            let level = cmark_node_get_heading_level(heading)
            let block = cmark_node_new(CMARK_NODE_CUSTOM_BLOCK)!
            cmark_node_set_on_enter(block, "<h\(level) id=\"\(id)\">")
            cmark_node_set_on_exit(block, "</h\(level)>")
            while let child = cmark_node_first_child(heading) { cmark_node_append_child(block, child) }
            cmark_node_replace(heading, block)
            cmark_node_free(heading)
        }
        // Allocated in the document's arena, as the tree is: freed with it, never by `free`.
        let html = cmark_render_html(document.root, CMARK_OPT_DEFAULT | CMARK_OPT_SMART)!
        return Array(UnsafeRawBufferPointer(start: html, count: strlen(html)))
    }

    /// The renderer's output with every slot filled as on the page itself; ids `h0`, `h1`, …
    func ourHTML(_ document: CmarkDocument) -> (html: [UInt8], ids: [String]) {
        var levels: [Int] = []
        document.forEachNode { node in
            if node.type == CMARK_NODE_HEADING { levels.append(node.headingLevel) }
        }
        let body = document.bodyHTML()
        var html: [UInt8] = []
        body.fill(0..<body.count, into: &html) { (levels[$0], "h\($0)") }
        return (html, levels.indices.map { "h\($0)" })
    }

    func expectSameHTML(_ document: CmarkDocument) {
        let ours = ourHTML(document)
        let theirs = cmarkHTML(document, ids: ours.ids)
        #expect(ours.html == theirs, "\(String(decoding: ours.html, as: UTF8.self))\n---\n\(String(decoding: theirs, as: UTF8.self))")
    }

    @Test func writesWhatCmarkWrites() {
        let document = CmarkDocument(markdown: Self.everything)
        document.convertPipeTables()
        expectSameHTML(document)
    }

    @Test func escapesEveryByteAsCmarkDoes() {
        // A link whose URL and text hold every byte but 0, and an image whose alt text does.
        let document = CmarkDocument(markdown: "[text](url) ![alt](src \"title\")\n")
        let bytes = (1...255).map { CChar(bitPattern: UInt8($0)) } + [0]
        document.forEachNode { node in
            switch node.type {
            case CMARK_NODE_LINK, CMARK_NODE_IMAGE: cmark_node_set_url(node.pointer, bytes)
            case CMARK_NODE_TEXT: cmark_node_set_literal(node.pointer, bytes)
            default: break
            }
        }
        expectSameHTML(document)
        for scheme in ["javascript:", "JAVASCRIPT:", "vbscript:", "file:", "data:", "data:image/png", "data:image/svg", "Data:Image/WebP", "http:"] {
            let document = CmarkDocument(markdown: "[a](\(scheme)x)\n")
            expectSameHTML(document)
        }
    }

    @Test func slotsAreFilledForTheirPlace() {
        let document = CmarkDocument(markdown: "## A\n\n[b](b.html) ![c](c.png)\n")
        let body = document.bodyHTML()
        var html: [UInt8] = []
        body.fill(0..<body.count, into: &html) { (3 + $0, "x.\($0)") } url: { "#" + $0 + "?&'" }
        #expect(String(decoding: html, as: UTF8.self)
            == "<h3 id=\"x.0\">\nA\n</h3>\n<p><a href=\"#b.html?&amp;&#x27;\">b</a> <img src=\"#c.png?&amp;&#x27;\" alt=\"c\" /></p>\n")
        // Without its tags the heading is "\nA\n\n": a part that starts after it starts at 4.
        #expect(body.topLevelBlock(ofHeading: 0) == 0..<4)
    }
}
