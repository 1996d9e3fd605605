import HandbookCore
import Prose
import Mustache
import Foundation

/// The offline search index: for every page, its link, title, summary, and the words of its
/// headings and body, written as a JavaScript file (`assets/search-index.js`) because a page
/// opened from disk may load a script but not fetch a JSON file.
///
/// Kept small for prefix search: each word appears once per page, and a word is left out
/// when a word of the same or a higher-ranked field starts with it ("stretch" beside
/// "stretching"), since any query that finds the short word finds the long one too, at a
/// rank as high. Ranks, highest first: title, headings, summary, body. `assets/search.js`
/// splits text the same way as ``SearchTokens/words(_:)``.
package struct SearchIndex: Equatable {
    /// One searchable page.
    package struct Entry: Equatable {
        /// Relative to the site root.
        package var href: String
        package var title: String
        package var summary: String
        /// Heading words, joined by spaces so the script can match prefixes with one
        /// string search; one string rather than hundreds keeps 10,000 entries small.
        package var headings = ""
        /// Body words, joined by spaces.
        package var body = ""

        package init(href: String, title: String, summary: String, headings: String = "", body: String = "") {
            (self.href, self.title, self.summary, self.headings, self.body) = (href, title, summary, headings, body)
        }
    }

    package var entries: [Entry]

    package init(entries: [Entry]) {
        self.entries = entries
    }

    /// Words too common to help find a page; the search script drops them from queries too.
    package static let stopWords = SearchWords(["""
        a an and are as at be but by can do for from has have how i if in into is it its \
        may me my no not of on or so than that the their them then there these they this \
        to up was we were what when which who will with you your
        """])



    /// The JSON the script reads: `{"pages": [[href, title, summary, headings, body], …]}`,
    /// the bytes `JSONEncoder` would write, escaped for a script (``ScriptJSON``).
    package var json: String {
        var output = MustacheOutput(drain: nil)
        write(into: &output)
        return String(decoding: output.bytes, as: UTF8.self)
    }

    /// Writes ``json`` into a template's output, handed on as it gathers: at 10,000 pages it
    /// is over 10 MB.
    package func write(into output: inout MustacheOutput) {
        output.bytes += #"{"pages":["#.utf8
        for (index, entry) in entries.enumerated() {
            output.bytes += (index == 0 ? "[" : ",[").utf8
            for (field, text) in [entry.href, entry.title, entry.summary, entry.headings, entry.body].enumerated() {
                if field > 0 { output.bytes.append(UInt8(ascii: ",")) }
                ScriptJSON.appendString(text, to: &output.bytes)
            }
            output.bytes.append(UInt8(ascii: "]"))
            output.drainIfFull()
        }
        output.bytes += "]}".utf8
    }
}
