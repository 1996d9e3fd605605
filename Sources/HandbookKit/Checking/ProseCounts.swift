/// A page's prose as the readability rules count it: the counts, not the text, and only
/// the sentences the rules report, since every page of a large site holds one.
struct ProseCounts: Sendable, Equatable {
    /// All the prose counted as one text; nil when the page has none.
    var readability: Readability?
    /// The file line of the first prose block.
    var firstLine: Int?
    /// The sentences over ``SentenceLengthRule/limit`` words: their block's file line, and
    /// their words.
    var longSentences: [(line: Int, words: Int)] = []

    init(_ prose: PageProse = PageProse()) {
        var none = NoProseWords()
        self.init(prose, words: &none)
    }

    /// Counts the prose, handing its words to `words` on the way: the search index's.
    init(_ prose: PageProse, words: inout some ProseWords) {
        guard let first = prose.blocks.first else { return }
        firstLine = first.line
        var counter = Readability.Counter()
        prose.bytes.withUnsafeBufferPointer { bytes in
            for block in prose.blocks {
                counter.count(UnsafeBufferPointer(rebasing: bytes[block.range]), words: &words) { words in
                    if words > SentenceLengthRule.limit { longSentences.append((block.line, words)) }
                }
            }
        }
        readability = counter.readability
    }

    static func == (lhs: ProseCounts, rhs: ProseCounts) -> Bool {
        lhs.readability == rhs.readability && lhs.firstLine == rhs.firstLine
            && lhs.longSentences.elementsEqual(rhs.longSentences) { $0 == $1 }
    }
}
