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

    init(_ prose: [ProseBlock] = []) {
        guard !prose.isEmpty else { return }
        let units = prose.map { Readability.units($0.text) }
        let sentenceLengths = units.map(Readability.sentenceLengths(in:))
        firstLine = prose[0].line
        for (block, lengths) in zip(prose, sentenceLengths) {
            for words in lengths where words > SentenceLengthRule.limit { longSentences.append((block.line, words)) }
        }
        readability = Readability(blocks: units, sentenceLengths: sentenceLengths)
    }

    static func == (lhs: ProseCounts, rhs: ProseCounts) -> Bool {
        lhs.readability == rhs.readability && lhs.firstLine == rhs.firstLine
            && lhs.longSentences.elementsEqual(rhs.longSentences) { $0 == $1 }
    }
}
