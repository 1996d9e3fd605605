import CCmark
#if canImport(Glibc)
import Glibc
#endif
import Testing
@testable import HandbookKit
@testable import HandbookCore
@testable import Markdown
@testable import Mustache
@testable import Prose
@testable import Search
@testable import Loading
@testable import Rendering
@testable import Linking
@testable import Checking
@testable import Templating
@testable import Writing

/// Trees parsed into the per-thread arena come out as trees parsed with `malloc` do.
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
        let html = cmark_render_html(document.root, CMARK_OPT_DEFAULT | CMARK_OPT_SMART)!
        return String(cString: html)
    }

    @Test func bigDocumentsSpanChunksAndGrowBuffers() {
        // Over the arena's 256 KB chunk: a long code block grows one buffer far past it.
        let paragraphs = (0..<3000).map { "Paragraph \($0) with *emphasis* and [a link](page-\($0).md \"Title\").\n" }
        let code = "```\n" + String(repeating: "let x = \"<code>\" & more\n", count: 20_000) + "```\n"
        let markdown = paragraphs.joined(separator: "\n") + "\n" + code
        #expect(arenaHTML(CmarkDocument(markdown: markdown)) == mallocHTML(markdown))
    }

    @Test func documentsAliveTogetherKeepTheirMemory() {
        let first = CmarkDocument(markdown: "# First\n\nSome *text*.\n")
        for index in 0..<200 {
            // Each inner document is freed before the next: the arena must not be reset under `first`.
            let inner = CmarkDocument(markdown: "## Inner \(index)\n\n" + String(repeating: "word ", count: 5000))
            #expect(arenaHTML(inner).hasPrefix("<h2>Inner \(index)</h2>"))
        }
        first.convertPipeTables()
        first.forEachNode { node in
            if node.type == CMARK_NODE_TEXT { cmark_node_set_literal(node.pointer, "changed") }
        }
        #expect(arenaHTML(first) == "<h1>changed</h1>\n<p>changed<em>changed</em>changed</p>\n")
    }
}
