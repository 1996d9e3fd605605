import CCmark
#if canImport(Glibc)
import Glibc
#endif
import Testing
@testable import Markdown

/// Trees parsed into an arena come out as trees parsed with `malloc` do, and documents that
/// share an arena keep their memory while any of them is alive.
@Suite struct CmarkArenaTests {
    /// cmark's HTML for Markdown parsed with its default allocator.
    func mallocHTML(_ markdown: String) -> String {
        let root = cmark_parse_document(markdown, markdown.utf8.count, CMARK_OPT_DEFAULT | CMARK_OPT_SMART)!
        defer { cmark_node_free(root) }
        let html = cmark_render_html(root, CMARK_OPT_DEFAULT | CMARK_OPT_SMART)!
        defer { free(html) }
        return String(cString: html)
    }

    func arenaHTML(_ document: CmarkDocument) -> String {
        // Allocated in the document's arena, as the tree is: freed with it, never by `free`.
        document.arena.withCurrent {
            String(cString: cmark_render_html(document.root, CMARK_OPT_DEFAULT | CMARK_OPT_SMART)!)
        }
    }

    @Test func bigDocumentsSpanChunksAndGrowBuffers() {
        // Over the arena's 256 KB chunk: a long code block grows one buffer far past it.
        let paragraphs = (0..<3000).map { "Paragraph \($0) with *emphasis* and [a link](page-\($0).md \"Title\").\n" }
        let code = "```\n" + String(repeating: "let x = \"<code>\" & more\n", count: 20_000) + "```\n"
        let markdown = paragraphs.joined(separator: "\n") + "\n" + code
        #expect(arenaHTML(CmarkDocument(markdown: markdown)) == mallocHTML(markdown))
    }

    @Test func documentsAliveTogetherKeepTheirMemory() {
        let arena = CmarkArena()
        let first = CmarkDocument(markdown: "# First\n\nSome *text*.\n", arena: arena)
        for index in 0..<200 {
            // Each inner document is freed before the next: the arena must not be reset under `first`.
            let inner = CmarkDocument(markdown: "## Inner \(index)\n\n" + String(repeating: "word ", count: 5000), arena: arena)
            #expect(arenaHTML(inner).hasPrefix("<h2>Inner \(index)</h2>"))
        }
        first.convertPipeTables()
        first.forEachNode { node in
            if node.type == CMARK_NODE_TEXT { cmark_node_set_literal(node.pointer, "changed") }
        }
        #expect(arenaHTML(first) == "<h1>changed</h1>\n<p>changed<em>changed</em>changed</p>\n")
    }
}

extension CmarkArenaTests {
    /// What cmark allocates with no arena entered comes from `malloc`: a call made outside
    /// ``CmarkArena/withCurrent(_:)`` (only tests make one) leaks, but is never wrong.
    @Test func allocationsOutsideAnArenaStillWork() {
        let document = CmarkDocument(markdown: "Some *text* and [a link](a.md).\n")
        // Not entered: each literal is malloc'd.
        for index in 0..<1000 {
            document.forEachNode { _ in }
            cmark_node_set_literal(cmark_node_first_child(cmark_node_first_child(document.root)), "text \(index)")
        }
        #expect(arenaHTML(document).hasPrefix("<p>text 999<em>"))
    }
}
