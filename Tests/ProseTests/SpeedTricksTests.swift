import Testing
@testable import HandbookCore
@testable import Prose

/// The packed short-word reading and the distinct-word sort against plain readings.
@Suite struct SpeedTricksTests {
    static let text = Array("""
        Lie on your back. Bend both knees, feet flat; lift slowly! (Hold 5) Don't rush—it's fine, \
        café a b c abcdefg abcdefgh, x.y. stretching stretch str 12 1234567 word,, end
        """.utf8)

    /// What ``PackedWord`` must accept: 1 to 7 ASCII letters, then at most one ASCII mark that
    /// is not a word character, then whitespace or the end of the text.
    static func plainWord(_ text: [UInt8], at start: Int) -> (letters: [UInt8], mark: UInt8)? {
        let whitespace: [UInt8] = [0x20, 0x09, 0x0A, 0x0B, 0x0C, 0x0D]
        var end = start
        while end < text.count, !whitespace.contains(text[end]) { end += 1 }
        guard (1...7).contains(end - start) else { return nil }
        var run = Array(text[start..<end])
        var mark: UInt8 = 0
        if let last = run.last, !Self.isLetter(last) {
            guard run.count > 1, last < 0x80, !Readability.isWordCharacter(last) else { return nil }
            mark = last
            run.removeLast()
        }
        guard !run.isEmpty, run.count <= 7, run.allSatisfy(isLetter) else { return nil }
        return (run.map { $0 | 0x20 }, mark)
    }

    static func isLetter(_ byte: UInt8) -> Bool { (0x41...0x5A).contains(byte) || (0x61...0x7A).contains(byte) }

    @Test func packedWordsAreThePlainReading() {
        Self.text.withUnsafeBufferPointer { buffer in
            // Words are read from where one starts, or from within one: never at whitespace.
            for start in Self.text.indices where ![0x20, 0x09, 0x0A].contains(Self.text[start]) {
                let packed = PackedWord(buffer, at: start)
                let plain = Self.plainWord(Self.text, at: start)
                #expect((packed == nil) == (plain == nil), "at \(start): \(String(decoding: Self.text[start...].prefix(10), as: UTF8.self))")
                guard let packed, let plain else { continue }
                #expect((0..<packed.count).map(packed.letter) == plain.letters)
                #expect(packed.mark == plain.mark)
            }
        }
    }

    @Test func distinctWordsSortAsTheirBytes() {
        let words = Self.text.split { !Self.isLetter($0) && !(0x30...0x39).contains($0) }.map(Array.init)
        let bytes = words.flatMap { $0 }
        bytes.withUnsafeBufferPointer { buffer in
            var distinct = SearchWords.Distinct(capacity: 4)
            var start = 0
            for word in words {
                _ = distinct.insert(SearchWords.Span(start: start, end: start + word.count, in: buffer), in: buffer)
                start += word.count
            }
            let sorted = distinct.sortedSpans(in: buffer).map { Array(buffer[$0.start..<($0.start + $0.count)]) }
            let plain = Set(words).sorted { $0.lexicographicallyPrecedes($1) }
            #expect(sorted == plain)
        }
    }
}

/// `syllables:` in `handbook.yml`: a site's own counts come before the general table.
@Suite struct SiteSyllablesTests {
    func syllables(_ text: String, site: SiteSyllables = SiteSyllables()) -> Int {
        var counter = Readability.Counter(site: site)
        Array(text.utf8).withUnsafeBufferPointer { counter.count($0) { _ in } }
        return counter.readability.syllables
    }

    @Test(arguments: ["Take pregabalin daily.", "Sittostand helps, Sittostand!", "Le café pregabalin."])
    func siteWordsReplaceTheirCount(_ text: String) {
        let words = ["pregabalin": 9, "sittostand": 7]
        let plain = syllables(text)
        let counted = syllables(text, site: SiteSyllables(words))
        let difference = words.reduce(0) { sum, entry in
            let uses = text.lowercased().components(separatedBy: entry.key).count - 1
            return sum + uses * (entry.value - Readability.syllables(in: entry.key))
        }
        #expect(counted == plain + difference)
    }
}
