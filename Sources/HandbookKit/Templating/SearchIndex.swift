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
        var headings: [String] = []
        var body: [String] = []
    }

    var entries: [Entry]

    /// Words too common to help find a page; the search script drops them from queries too.
    static let stopWords: Set<String> = Set("""
        a an and are as at be but by can do for from has have how i if in into is it its \
        may me my no not of on or so than that the their them then there these they this \
        to up was we were what when which who will with you your
        """.split(separator: " ").map(String.init))

    /// Builds the index for every page of the site, in reading order, and for extra pages
    /// that have a title and summary but no body (the exercise plan).
    init(linked: LinkedSite, extra: [Entry] = []) {
        entries = linked.readingOrder.compactMap { linked.page($0)?.searchEntry } + extra
    }

    /// One page's entry: words deduplicated and pruned as the type's documentation says.
    static func entry(_ rendered: RenderedPage, prose: [ProseBlock]) -> Entry {
        let matter = rendered.page.frontMatter
        let title = Set(words(matter.title))
        let summary = Set(words(matter.summary ?? ""))
        let headings = Set(rendered.headings.flatMap { words($0.text) }).subtracting(stopWords)
        let body = Set(prose.flatMap { words($0.text) }).subtracting(stopWords)
        let titleSet = SortedWords(title), headingSet = SortedWords(headings)
        let keptHeadings = headingSet.words.filter { word in
            !titleSet.hasWord(startingWith: word, orEqual: true) && !headingSet.hasWord(startingWith: word, orEqual: false)
        }
        let ranked = SortedWords(title.union(summary).union(headings))
        let bodySet = SortedWords(body)
        let keptBody = bodySet.words.filter { word in
            word.count > 1 && !ranked.hasWord(startingWith: word, orEqual: true) && !bodySet.hasWord(startingWith: word, orEqual: false)
        }
        return Entry(href: SitePath.home.relative(to: rendered.page.output), title: matter.title,
                     summary: matter.summary ?? "", headings: keptHeadings, body: keptBody)
    }

    /// The JSON the script reads: `{"pages": [[href, title, summary, headings, body], …]}`,
    /// word lists joined by spaces so the script can match prefixes with one string search.
    var json: String {
        let pages = entries.map { [$0.href, $0.title, $0.summary, $0.headings.joined(separator: " "), $0.body.joined(separator: " ")] }
        return ScriptJSON.encode(["pages": pages])
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

/// Words sorted by their UTF-8 bytes, where all words starting with a given prefix sit
/// together just at or after the prefix's own place: one binary search answers "does any
/// word start with this?".
struct SortedWords {
    let words: [String]

    init(_ words: Set<String>) {
        self.words = words.sorted(by: Self.precedes)
    }

    /// UTF-8 byte order, compared with `memcmp`: sorting is most of building the index.
    static func precedes(_ lhs: String, _ rhs: String) -> Bool {
        var (lhs, rhs) = (lhs, rhs)
        return lhs.withUTF8 { left in
            rhs.withUTF8 { right in
                let shared = min(left.count, right.count)
                let order = shared == 0 ? 0 : memcmp(left.baseAddress!, right.baseAddress!, shared)
                return order != 0 ? order < 0 : left.count < right.count
            }
        }
    }

    /// Whether a word other than `prefix` (or, with `orEqual`, `prefix` itself) starts with it.
    func hasWord(startingWith prefix: String, orEqual: Bool) -> Bool {
        var low = 0, high = words.count
        while low < high {
            let middle = (low + high) / 2
            if Self.precedes(words[middle], prefix) { low = middle + 1 } else { high = middle }
        }
        for word in words[low...] {
            guard word.utf8.starts(with: prefix.utf8) else { return false }
            if orEqual || word != prefix { return true }
        }
        return false
    }
}
