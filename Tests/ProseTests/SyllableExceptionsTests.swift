import CSyllables
import HandbookCore
import Prose
import Testing

/// ``SyllableExceptions`` binary-searches the arrays of the generated C target CSyllables
/// (scripts/syllable-exceptions.py). These tests read the same arrays into a plain dictionary
/// and compare the lookup with it on every word of the table and on thousands of others,
/// most of them one letter away from a table word, where a search that is off by one fails.
@Suite struct SyllableExceptionsTests {
    /// The table as a dictionary, read from the arrays as their header describes them.
    static let reference: [String: Int] = {
        var table: [String: Int] = [:]
        let shortWords = handbook_short_words_start(), shortCounts = handbook_short_counts_start()
        for index in 0..<Int(HANDBOOK_SHORT_WORD_COUNT) {
            let bytes = withUnsafeBytes(of: shortWords[index].littleEndian) { Array($0) }
            let word = String(decoding: bytes.prefix { $0 != 0 }, as: UTF8.self)
            #expect(table.updateValue(Int(shortCounts[index]), forKey: word) == nil, "\(word) twice")
        }
        for (length, range) in longRanges {
            let records = handbook_long_bytes_start() + Int(handbook_long_offsets_start()[length])
            for number in range {
                let record = UnsafeBufferPointer(start: records + (number - range.lowerBound) * length, count: length)
                let word = String(decoding: record, as: UTF8.self)
                #expect(table.updateValue(Int(handbook_long_counts_start()[number]), forKey: word) == nil, "\(word) twice")
            }
        }
        return table
    }()

    /// The numbers of the longer words of each length.
    static let longRanges: [(length: Int, range: Range<Int>)] = (0...Int(HANDBOOK_LONG_MAX_LENGTH)).map { length in
        (length, Int(handbook_long_first_start()[length])..<Int(handbook_long_first_start()[length + 1]))
    }

    static func lookUp(_ word: String) -> Int? {
        var word = word
        return word.withUTF8 { SyllableExceptions.count(of: $0) }
    }

    /// The vowel-group rule alone, as ``Readability/syllables(ofWord:)`` counts a word of a-z
    /// that is no exception.
    static func rule(_ word: String) -> Int {
        var count = Readability.SyllableCount()
        for letter in word.utf8 { count.add(letter) }
        return count.total()
    }

    @Test func arraysAreAsTheHeaderDescribes() {
        let shortWords = handbook_short_words_start()
        for index in 1..<Int(HANDBOOK_SHORT_WORD_COUNT) where shortWords[index - 1] >= shortWords[index] {
            Issue.record("short words not ascending at \(index)")
        }
        #expect(Self.longRanges.reduce(0) { $0 + $1.range.count } == Int(HANDBOOK_LONG_WORD_COUNT))
        #expect(Int(handbook_long_first_start()[Int(HANDBOOK_LONG_MAX_LENGTH) + 1]) == Int(HANDBOOK_LONG_WORD_COUNT))
        var bytes = 0
        for (length, range) in Self.longRanges {
            #expect(range.isEmpty || length > 8, "a word of \(length) bytes among the longer ones")
            #expect(Int(handbook_long_offsets_start()[length]) == bytes, "words of \(length) bytes")
            let records = handbook_long_bytes_start() + bytes
            for index in range.dropFirst() {
                let previous = UnsafeBufferPointer(start: records + (index - 1 - range.lowerBound) * length, count: length)
                let record = UnsafeBufferPointer(start: records + (index - range.lowerBound) * length, count: length)
                if !previous.lexicographicallyPrecedes(record) { Issue.record("words of \(length) bytes not ascending at \(index)") }
            }
            bytes += range.count * length
        }
        #expect(bytes == Int(HANDBOOK_LONG_BYTE_COUNT))
        #expect(Self.reference.count == Int(HANDBOOK_SHORT_WORD_COUNT) + Int(HANDBOOK_LONG_WORD_COUNT))
        for word in Self.reference.keys where word.isEmpty || !word.utf8.allSatisfy({ $0 &- 0x61 < 26 }) {
            Issue.record("\(word): not a word of a-z alone")
        }
        // textstat counts a few words without vowels as 0: "hmm", "shh".
        #expect(Self.reference.values.allSatisfy { (0...20).contains($0) })
    }

    @Test func everyExceptionIsFound() {
        for (word, count) in Self.reference {
            #expect(Self.lookUp(word) == count, "\(word)")
            if word.utf8.count <= 8 {
                var bytes = word
                let packed = bytes.withUTF8 { ByteLanes.load($0, at: 0, padding: 0) }
                #expect(SyllableExceptions.count(ofPacked: packed) == count, "\(word) packed")
            }
            #expect(Readability.syllables(in: word) == count, "\(word) counted")
        }
    }

    /// The table holds only the words that the rule gets wrong: if the rule changes, entries it
    /// now gets right show here (regenerate with the script's port of the rule changed too).
    @Test func everyExceptionDiffersFromTheRule() {
        let agreeing = Self.reference.filter { Self.rule($0.key) == $0.value }.keys.sorted()
        #expect(agreeing.isEmpty, "\(agreeing.count) entries the rule counts right: \(agreeing.prefix(20))")
    }

    @Test func otherWordsAreNotFound() {
        var words: Set<String> = ["", "a", "zzzzzzzz", "zzzzzzzzz", String(repeating: "z", count: 31), String(repeating: "a", count: 32),
                                  String(repeating: "e", count: 40), "don't", "10second", "caf\u{80}", "na\u{80}ve\u{80}ly\u{80}\u{80}"]
        // Each table word with a letter changed, dropped or added, on either side of it in the order.
        let letters = Array("abcdefghijklmnopqrstuvwxyz")
        for (index, word) in Self.reference.keys.sorted().enumerated() where index % 8 == 0 {
            let last = word.last!
            let next = letters[(letters.firstIndex(of: last)! + 1) % 26]
            words.insert(String(word.dropLast()) + String(next))
            words.insert(String(word.dropLast()))
            words.insert(String(word.dropFirst()))
            words.insert(word + "s")
            words.insert(word + "'s")
        }
        // And random words of 1 to 35 letters, the same every run.
        var state: UInt64 = 0x2545_F491_4F6C_DD1D
        func random(_ bound: Int) -> Int {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int(state >> 33) % bound
        }
        for _ in 0..<3000 {
            words.insert(String((0...random(35)).map { _ in letters[random(26)] }))
        }
        var others = 0
        for word in words {
            let expected = Self.reference[word]
            if expected == nil { others += 1 }
            #expect(Self.lookUp(word) == expected, "\(word)")
            if word.utf8.count <= 8 {
                var bytes = word
                let packed = bytes.withUTF8 { ByteLanes.load($0, at: 0, padding: 0) }
                #expect(SyllableExceptions.count(ofPacked: packed) == expected, "\(word) packed")
            }
        }
        #expect(others > 5000)
    }

    /// A few words as the readability count counts them, the table's or the rule's.
    @Test(arguments: [("idea", 3), ("tables", 2), ("rhythm", 2), ("area", 3), ("being", 2), ("everyday", 3), ("especially", 3),
                      ("electrodiagnostic", 6)])
    func knownCounts(_ word: String, _ count: Int) {
        #expect(Readability.syllables(in: word) == count)
    }
}
