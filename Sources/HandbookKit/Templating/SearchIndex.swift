import Foundation

/// The offline search index: for every page, its link, title, summary, and the words of its
/// headings and body, written as a JavaScript file (`assets/search-index.js`) because a page
/// opened from disk may load a script but not fetch a JSON file.
///
/// Kept small for prefix search: each word appears once per page, and a word is left out
/// when a word of the same or a higher-ranked field starts with it ("stretch" beside
/// "stretching"), since any query that finds the short word finds the long one too, at a
/// rank as high. Ranks, highest first: title, headings, summary, body. `assets/search.js`
/// splits text the same way as ``words(_:)``.
struct SearchIndex: Equatable {
    /// One searchable page.
    struct Entry: Equatable {
        /// Relative to the site root.
        var href: String
        var title: String
        var summary: String
        /// Heading words, joined by spaces so the script can match prefixes with one
        /// string search; one string rather than hundreds keeps 10,000 entries small.
        var headings = ""
        /// Body words, joined by spaces.
        var body = ""
    }

    var entries: [Entry]

    /// Words too common to help find a page; the search script drops them from queries too.
    static let stopWords = SearchWords(["""
        a an and are as at be but by can do for from has have how i if in into is it its \
        may me my no not of on or so than that the their them then there these they this \
        to up was we were what when which who will with you your
        """])

    /// Builds the index for every page of the site, in reading order, and for extra pages
    /// that have a title and summary but no body (the exercise plan).
    init(linked: LinkedSite, extra: [Entry] = []) {
        entries = linked.readingOrder.compactMap { linked.page($0)?.searchEntry } + extra
    }

    /// One page's entry: words deduplicated and pruned as the type's documentation says.
    /// - Parameter bodyWords: The words of the page's prose, gathered as it was counted
    ///   (``ProseCounts/init(_:words:)``).
    static func entry(_ rendered: RenderedPage, bodyWords: consuming SearchWords.Builder) -> Entry {
        let matter = rendered.page.frontMatter
        let title = SearchWords([matter.title])
        let headings = SearchWords(rendered.headings.lazy.map(\.text), leavingOut: stopWords)
        let body = SearchWords(bodyWords, leavingOut: stopWords)
        let inTitle = title.hasWords(startingWithEachOf: headings)
        let keptHeadings = headings.joined { word in !inTitle[word] && !headings.nextStartsWith(word) }
        let ranked = SearchWords(merging: [title, SearchWords([matter.summary ?? ""]), headings])
        let inRanked = ranked.hasWords(startingWithEachOf: body)
        let keptBody = body.joined { word in
            body.hasSeveralCharacters(word) && !inRanked[word] && !body.nextStartsWith(word)
        }
        return Entry(href: SitePath.home.relative(to: rendered.page.output), title: matter.title,
                     summary: matter.summary ?? "", headings: keptHeadings, body: keptBody)
    }

    /// The JSON the script reads: `{"pages": [[href, title, summary, headings, body], …]}`,
    /// the bytes `JSONEncoder` would write, escaped for a script (``ScriptJSON``).
    var json: String {
        var output = MustacheOutput(drain: nil)
        write(into: &output)
        return String(decoding: output.bytes, as: UTF8.self)
    }

    /// Writes ``json`` into a template's output, handed on as it gathers: at 10,000 pages it
    /// is over 10 MB.
    func write(into output: inout MustacheOutput) {
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

    /// Splits text into search words: canonical decomposition with accents dropped, lower
    /// case, apostrophes removed ("don't" is "dont"), split at anything but a letter or digit.
    /// ASCII, nearly all of the text, takes a fast path; other characters are decomposed one
    /// by one, which is enough since their accents are dropped anyway.
    static func words(_ text: String) -> [String] {
        text.utf8.allSatisfy { $0 < 0x80 } ? asciiWords(text) : unicodeWords(text)
    }

    private static func asciiWords(_ text: String) -> [String] {
        var words: [String] = []
        var current: [UInt8] = []
        for byte in text.utf8 {
            switch byte {
            case 0x61...0x7A, 0x30...0x39: current.append(byte)
            case 0x41...0x5A: current.append(byte + 0x20)
            case 0x27: continue
            default:
                if !current.isEmpty { words.append(String(decoding: current, as: UTF8.self)) }
                current.removeAll(keepingCapacity: true)
            }
        }
        if !current.isEmpty { words.append(String(decoding: current, as: UTF8.self)) }
        return words
    }

    private static func unicodeWords(_ text: String) -> [String] {
        var words: [String] = []
        var current = String.UnicodeScalarView()
        func finish() {
            if !current.isEmpty { words.append(String(current)) }
            current = String.UnicodeScalarView()
        }
        for scalar in text.unicodeScalars {
            switch scalar.value {
            case 0x61...0x7A, 0x30...0x39: current.append(scalar)
            case 0x41...0x5A: current.append(Unicode.Scalar(scalar.value + 0x20)!)
            case 0x27, 0x2019: continue
            case 0..<0x80: finish()
            default:
                for part in String(scalar).decomposedStringWithCanonicalMapping.unicodeScalars {
                    switch part.properties.generalCategory {
                    case .nonspacingMark, .spacingMark, .enclosingMark:
                        continue
                    case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter,
                         .decimalNumber, .letterNumber, .otherNumber:
                        current.append(contentsOf: String(part).lowercased().unicodeScalars)
                    default:
                        finish()
                    }
                }
            }
        }
        finish()
        return words
    }
}
