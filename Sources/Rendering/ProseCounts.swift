import Prose

/// A page's prose as the readability rules count it: the counts, not the text, and only
/// the sentences the rules report, since every page of a large site holds one.
package struct ProseCounts: Sendable, Equatable {
    /// The most words a sentence may have: the content brief never allows more than 25.
    package static let longSentenceLimit = 25
    /// All the prose counted as one text; nil when the page has none.
    package var readability: Readability?
    /// The file line of the first prose block.
    package var firstLine: Int?
    /// The sentences over ``longSentenceLimit`` words: their block's file line, and
    /// their words.
    package var longSentences: [(line: Int, words: Int)] = []

    package init(_ prose: PageProse = PageProse()) {
        var unused = SearchWords.Builder(byteCount: prose.bytes.count)
        self.init(prose, words: &unused)
    }

    /// Counts the prose, handing its words to `words` on the way: the search index's.
    package init(_ prose: PageProse, words: inout SearchWords.Builder, site: SiteSyllables = SiteSyllables()) {
        guard let first = prose.blocks.first else { return }
        firstLine = first.line
        var counter = Readability.Counter(site: site)
        prose.bytes.withUnsafeBufferPointer { bytes in
            for block in prose.blocks {
                counter.count(UnsafeBufferPointer(rebasing: bytes[block.range]), searchWords: &words) { words in
                    if words > Self.longSentenceLimit { longSentences.append((block.line, words)) }
                }
            }
        }
        readability = counter.readability
    }

    package static func == (lhs: ProseCounts, rhs: ProseCounts) -> Bool {
        lhs.readability == rhs.readability && lhs.firstLine == rhs.firstLine
            && lhs.longSentences.elementsEqual(rhs.longSentences) { $0 == $1 }
    }
}
