import HandbookCore

/// Flesch-Kincaid grade level, counted the way textstat (the reference the content brief
/// uses) counts: words with punctuation removed and hyphenated words joined, sentences
/// ending at `.`, `!` or `?` (runs of two words or fewer don't count), and syllables from
/// the CMU pronouncing dictionary — here a vowel-group rule plus ``SyllableExceptions``,
/// the words where the rule and the dictionary disagree.
///
/// Counting runs over one byte per character (see ``units(of:into:)``): every page's text
/// is counted in every build, and `Character` properties cost ten times more than bytes.
package struct Readability: Equatable {
    package var words: Int
    package var sentences: Int
    package var syllables: Int

    /// 0.39 × words per sentence + 11.8 × syllables per word − 15.59.
    package var grade: Double {
        guard words > 0, sentences > 0 else { return 0 }
        return 0.39 * Double(words) / Double(sentences) + 11.8 * Double(syllables) / Double(words) - 15.59
    }
}

extension Readability {
    /// Counts a text.
    package init(_ text: String) {
        var counter = Counter()
        var text = text
        text.withUTF8 { counter.count($0) { _ in } }
        self = counter.readability
        if text.isEmpty { sentences = 0 }
    }

    /// The number of words in each sentence of a text, short sentences included.
    package static func sentenceLengths(in text: String) -> [Int] {
        var counter = Counter()
        var text = text
        var lengths: [Int] = []
        text.withUTF8 { counter.count($0) { lengths.append($0) } }
        return lengths
    }

    /// Syllables in one lowercased word.
    package static func syllables(in word: String) -> Int {
        var units: [UInt8] = []
        Self.units(of: word, into: &units)
        return units.withUnsafeBufferPointer(syllables(ofWord:))
    }

    /// Counts blocks of text as one text of those blocks joined by spaces. Every block but
    /// the last must end in sentence punctuation, as prose blocks do: then no word or
    /// sentence runs from one block into the next, and the joined text need not be made.
    package struct Counter {
        package init() {}

        private var words = 0
        private var syllables = 0
        /// Sentences of three words or more.
        private var sentences = 0
        /// The syllables of each word numbered by ``ProseWords/add(packed:count:)``, 0 where
        /// not yet known: most words of a page repeat one seen before.
        private var syllablesOfWord: [UInt8] = []

        /// The counts so far; a text without sentences counts as one.
        package var readability: Readability {
            Readability(words: words, sentences: max(sentences, 1), syllables: syllables)
        }

        /// Counts one block of UTF-8 text, passing each sentence's number of words to `sentence`.
        package mutating func count(_ utf8: UnsafeBufferPointer<UInt8>, sentence: (_ words: Int) -> Void) {
            var none = NoProseWords()
            count(utf8, words: &none, sentence: sentence)
        }

        /// Counts one block of UTF-8 text, handing its words to `words` as they are read.
        package mutating func count(_ utf8: UnsafeBufferPointer<UInt8>, words: inout some ProseWords, sentence: (_ words: Int) -> Void) {
            guard !ByteLanes.isASCII(utf8) else { return count(units: utf8, words: &words, sentence: sentence) }
            words.add(text: utf8)
            var units: [UInt8] = []
            var none = NoProseWords()
            Readability.units(of: utf8, into: &units)
            units.withUnsafeBufferPointer { count(units: $0, words: &none, sentence: sentence) }
        }

        /// Counts text that is ASCII, or the ``Readability/units(of:into:)`` of other text, in
        /// one pass: its words, their syllables and its sentences.
        ///
        /// Words are runs of non-space units: their word characters, and apostrophes only in
        /// contractions (`don't`, `it's`). Any other punctuation, hyphens included, is dropped:
        /// "well-known" is one word. A sentence runs from a word character to the next `.`,
        /// `!` or `?`; its words are the runs, or their parts after its start, holding a
        /// word's unit. `sink` gets each short word packed and each other run as it is.
        private mutating func count(units text: UnsafeBufferPointer<UInt8>, words sink: inout some ProseWords,
                                    sentence: (_ words: Int) -> Void) {
            // The current sentence's words; nil between sentences.
            var sentenceWords: Int?
            var index = 0
            while index < text.count {
                guard !isWhitespace(text[index]) else {
                    index += 1
                    continue
                }
                // Nearly every run is a short word of letters alone, counted all at once.
                if let word = PackedWord(text, at: index) {
                    index += word.length
                    let number = sink.add(packed: word.letters, count: word.count)
                    let syllables = syllables(ofWord: number) { SyllableExceptions.count(ofPacked: word.letters) ?? SyllableCount(word).total() }
                    countWord(syllables: syllables, mark: word.mark, sentenceWords: &sentenceWords, sentence)
                    continue
                }
                let start = index
                repeat { index += 1 } while index < text.count && !isWhitespace(text[index])
                let run = UnsafeBufferPointer(rebasing: text[start..<index])
                // Most other runs are a longer word of letters alone, counted as one.
                if let mark = Self.markOfLongWord(run) {
                    withUnsafeTemporaryAllocation(of: UInt8.self, capacity: run.count) { word in
                        let letters = run.count - (mark == 0 ? 0 : 1)
                        for offset in 0..<letters { word[offset] = run[offset] | 0x20 }
                        let word = UnsafeBufferPointer(rebasing: word[..<letters])
                        let syllables = syllables(ofWord: sink.add(letters: word)) { Readability.syllables(ofWord: word) }
                        countWord(syllables: syllables, mark: mark, sentenceWords: &sentenceWords, sentence)
                    }
                    continue
                }
                sink.add(text: run)
                withUnsafeTemporaryAllocation(of: UInt8.self, capacity: run.count) { lowercase in
                    for offset in run.indices { lowercase[offset] = lowercased(run[offset]) }
                    countRun(lowercase, sentenceWords: &sentenceWords, sentence)
                }
            }
            if let words = sentenceWords { finish(sentence: words, sentence) }
        }

        /// Counts a word of letters alone, perhaps ended by a punctuation `mark` (0 for none).
        @inline(__always) private mutating func countWord(syllables: Int, mark: UInt8, sentenceWords: inout Int?,
                                                          _ sentence: (_ words: Int) -> Void) {
            words += 1
            self.syllables += syllables
            let wordsSoFar = (sentenceWords ?? 0) + 1
            sentenceWords = isSentenceEnd(mark) ? nil : wordsSoFar
            if sentenceWords == nil { finish(sentence: wordsSoFar, sentence) }
        }

        /// A word's syllables, worked out once for each word that `ProseWords` numbered.
        @inline(__always) private mutating func syllables(ofWord number: Int?, counting count: () -> Int) -> Int {
            if let number, number < syllablesOfWord.count, syllablesOfWord[number] != 0 { return Int(syllablesOfWord[number]) }
            let syllables = count()
            // A byte holds any real word's count; a longer run is counted every time.
            if let number, syllables <= UInt8.max {
                // Numbers go up one at a time; other words take numbers too, and stay 0 here.
                if number >= syllablesOfWord.count {
                    syllablesOfWord += repeatElement(0, count: max(number + 1, 2 * syllablesOfWord.count, 256) - syllablesOfWord.count)
                }
                syllablesOfWord[number] = UInt8(syllables)
            }
            return syllables
        }

        /// The mark after a run's letters (0 for none) when the run is letters alone, perhaps
        /// with one mark after them as ``PackedWord`` allows; nil for any other run.
        private static func markOfLongWord(_ run: UnsafeBufferPointer<UInt8>) -> UInt8? {
            guard let last = run.last else { return nil }
            let mark: UInt8 = isLetter(last | 0x20) ? 0 : last
            guard mark == 0 || (run.count > 1 && mark < 0x80 && !isWordCharacter(mark)) else { return nil }
            for unit in run.dropLast(mark == 0 ? 0 : 1) where !isLetter(unit | 0x20) { return nil }
            return mark
        }

        /// Counts any other run (a long word, numbers, inner punctuation), one unit at a time,
        /// moving its word units down over what it drops.
        private mutating func countRun(_ run: UnsafeMutableBufferPointer<UInt8>, sentenceWords: inout Int?, _ sentence: (_ words: Int) -> Void) {
            var end = 0
            var inWord = false
            for position in run.indices {
                let unit = run[position]
                let isWordCharacter = Readability.isWordCharacter(unit)
                let isWordUnit = isWordCharacter || (unit == UInt8(ascii: "'") && isContraction(run, after: position))
                if sentenceWords == nil, isWordCharacter { sentenceWords = 0 }
                if let words = sentenceWords, isSentenceEnd(unit) {
                    finish(sentence: words, sentence)
                    sentenceWords = nil
                    inWord = false
                } else if let words = sentenceWords, isWordUnit, !inWord {
                    sentenceWords = words + 1
                    inWord = true
                }
                if isWordUnit {
                    run[end] = unit
                    end += 1
                }
            }
            if end > 0 {
                words += 1
                syllables += Readability.syllables(ofWord: UnsafeBufferPointer(rebasing: run[..<end]))
            }
        }

        private mutating func finish(sentence words: Int, _ sentence: (_ words: Int) -> Void) {
            if words > 2 { sentences += 1 }
            sentence(words)
        }
    }
}

extension Readability {
    /// A stand-in for any character that is a letter or a number but not ASCII.
    package static let otherLetter: UInt8 = 0x80
    /// A stand-in for any other character that is not ASCII: punctuation, symbols.
    package static let otherSymbol: UInt8 = 0x81

    /// Replaces `units` with the text lowercased, one byte per character: ASCII characters as
    /// themselves, curly apostrophes as `'` (smart punctuation turned the author's ASCII ones
    /// curly; textstat reads source text), any other whitespace as a space, and the rest as
    /// ``otherLetter`` or ``otherSymbol``. Counting these bytes gives what counting the
    /// characters with `Character`'s properties would. One buffer serves every block of a page.
    package static func units(of text: String, into units: inout [UInt8]) {
        var text = text
        text.withUTF8 { Self.units(of: $0, into: &units) }
    }

    /// ``units(of:into:)`` for text as UTF-8, read where it lies.
    package static func units(of utf8: UnsafeBufferPointer<UInt8>, into units: inout [UInt8]) {
        units.removeAll(keepingCapacity: true)
        units.append(contentsOf: utf8)
        let isASCII = units.withUnsafeMutableBufferPointer { units in
            var all: UInt8 = 0
            for index in units.indices {
                let unit = units[index]
                all |= unit
                units[index] = unit &- 65 < 26 ? unit + 32 : unit
            }
            return all < 0x80
        }
        guard !isASCII else { return }
        units.removeAll(keepingCapacity: true)
        units += String(decoding: utf8, as: UTF8.self).lowercased().lazy.map { character in
            if character == "\u{2019}" || character == "\u{2018}" { return UInt8(ascii: "'") }
            if let ascii = character.asciiValue { return ascii }
            if character.isWhitespace { return UInt8(ascii: " ") }
            return character.isLetter || character.isNumber ? otherLetter : otherSymbol
        }
    }

    @inline(__always) package static func isWhitespace(_ unit: UInt8) -> Bool {
        unit == 0x20 || unit &- 0x09 < 5
    }

    /// Letters, digits, `_` and non-ASCII letters: what starts a sentence and makes a word.
    package static func isWordCharacter(_ unit: UInt8) -> Bool {
        unit &- 0x61 < 26 || unit &- 0x30 < 10 || unit == 0x5F || unit == otherLetter
    }

    package static func isSentenceEnd(_ unit: UInt8) -> Bool {
        unit == 0x2E || unit == 0x21 || unit == 0x3F
    }

    /// Whether the apostrophe at `position` starts a contraction's ending: 't, 's, 'd, 've, 'll, 're.
    private static func isContraction(_ units: UnsafeMutableBufferPointer<UInt8>, after position: Int) -> Bool {
        guard position + 1 < units.count else { return false }
        let first = units[position + 1]
        if first == UInt8(ascii: "t") || first == UInt8(ascii: "s") || first == UInt8(ascii: "d") { return true }
        guard position + 2 < units.count else { return false }
        switch (first, units[position + 2]) {
        case (UInt8(ascii: "v"), UInt8(ascii: "e")), (UInt8(ascii: "l"), UInt8(ascii: "l")), (UInt8(ascii: "r"), UInt8(ascii: "e")): return true
        default: return false
        }
    }

    private static func isLetter(_ unit: UInt8) -> Bool {
        unit &- 0x61 < 26
    }

    /// An ASCII capital as its small letter; any other byte as it is.
    @inline(__always) package static func lowercased(_ unit: UInt8) -> UInt8 {
        unit &- 0x41 < 26 ? unit | 0x20 : unit
    }

    /// a, e, i, o, u and y as bits of their offset from `a`.
    private static let vowelBits: UInt32 = 1 << 0 | 1 << 4 | 1 << 8 | 1 << 14 | 1 << 20 | 1 << 24

    private static func isVowelLetter(_ letter: UInt8) -> Bool {
        isLetter(letter) && vowelBits >> UInt32(letter &- 0x61) & 1 != 0
    }

    /// Syllables in one word of ``units(of:into:)``: the vowel-group rule on its ASCII letters.
    package static func syllables(ofWord word: UnsafeBufferPointer<UInt8>) -> Int {
        if let known = SyllableExceptions.count(of: word) { return known }
        var count = SyllableCount()
        for letter in word where isLetter(letter) { count.add(letter) }
        return count.total(endsInChesOrShes: word.ends(with: "ches") || word.ends(with: "shes"))
    }

    /// The vowel-group rule, fed one lowercase ASCII letter at a time, keeping the last four
    /// letters for the endings.
    package struct SyllableCount {
        private var count = 0
        private var letters = 0
        private var previousWasVowel = false
        /// The last four letters, `last` the latest; 0 before there are that many.
        private var (fourth, third, second, last): (UInt8, UInt8, UInt8, UInt8) = (0, 0, 0, 0)

        package mutating func add(_ letter: UInt8) {
            let isVowel = isVowelLetter(letter) && (letters > 0 || letter != UInt8(ascii: "y"))
            if isVowel && !previousWasVowel { count += 1 }
            previousWasVowel = isVowel
            // A pair counts only after a first letter.
            if letters >= 2, Self.pairIsTwoSyllables(last, letter, after: second) { count += 1 }
            (fourth, third, second, last) = (third, second, last, letter)
            letters += 1
        }

        package init() {}

        /// The vowel-group rule on a whole short word at once: a vowel starts a group unless
        /// the letter before it is a vowel too.
        @inline(__always) package init(_ word: PackedWord) {
            let (a, i, o, u, y) = (UInt8(ascii: "a"), UInt8(ascii: "i"), UInt8(ascii: "o"), UInt8(ascii: "u"), UInt8(ascii: "y"))
            let (isA, isI, isO, isU) = (word.lanes(equalTo: a), word.lanes(equalTo: i), word.lanes(equalTo: o), word.lanes(equalTo: u))
            // A first "y" is a consonant (yes, you).
            let vowels = isA | isI | isO | isU | word.lanes(equalTo: UInt8(ascii: "e")) | word.lanes(equalTo: y) & ~0x80
            count = (vowels & ~(vowels << 8)).nonzeroBitCount
            // The vowel pairs of ``add(_:)``, from the third letter on: rare, so checked one by one.
            var pairs = ((isI << 8) & (isA | isO | isU) | (isU << 8) & isA) & ~0xFFFF
            while pairs != 0 {
                let index = pairs.trailingZeroBitCount >> 3
                if Self.pairIsTwoSyllables(word.letter(index - 1), word.letter(index), after: word.letter(index - 2)) { count += 1 }
                pairs &= pairs - 1
            }
            letters = word.count
            // A whole word is never added to.
            previousWasVowel = false
            (fourth, third, second, last) = (word.letter(word.count - 4), word.letter(word.count - 3),
                                             word.letter(word.count - 2), word.letter(word.count - 1))
        }

        /// Vowel pairs usually spoken as two syllables (me-di-a, ra-di-o, ac-tu-al, me-di-um),
        /// except in the endings where they merge: -cial, -tial, -tion, -sion, -gion, qua-, gua-.
        private static func pairIsTwoSyllables(_ first: UInt8, _ next: UInt8, after before: UInt8) -> Bool {
            let (c, g, i, q, s, t, u, x) = (UInt8(ascii: "c"), UInt8(ascii: "g"), UInt8(ascii: "i"), UInt8(ascii: "q"),
                                            UInt8(ascii: "s"), UInt8(ascii: "t"), UInt8(ascii: "u"), UInt8(ascii: "x"))
            switch (first, next) {
            case (i, UInt8(ascii: "a")): return before != c && before != t
            case (i, UInt8(ascii: "o")): return !(before == t || before == s || before == c || before == g || before == x)
            case (u, UInt8(ascii: "a")): return before != q && before != g
            case (i, u): return true
            default: return false
            }
        }

        /// The syllables of a word of letters alone.
        @inline(__always) package func total() -> Int {
            total(endsInChesOrShes: (fourth == UInt8(ascii: "c") || fourth == UInt8(ascii: "s")) && third == UInt8(ascii: "h")
                    && second == UInt8(ascii: "e") && last == UInt8(ascii: "s"))
        }

        /// The word's syllables, its endings applied.
        @inline(__always) package func total(endsInChesOrShes: Bool) -> Int {
            let (d, e, l, s, t) = (UInt8(ascii: "d"), UInt8(ascii: "e"), UInt8(ascii: "l"), UInt8(ascii: "s"), UInt8(ascii: "t"))
            // Numbers and symbols: textstat's fallback (pyphen) finds no break, so 1.
            guard letters > 0 else { return 1 }
            var count = count
            // A final silent "e" (make, tape) but not "-le" after a consonant (table, simple).
            if last == e, count > 1, !(second == l && letters > 2 && !isVowelLetter(third)) { count -= 1 }
            // "-ed" and "-es" are silent unless after t/d or s/x/z/ch/sh/ge/ce.
            if count > 1, second == e, last == d, third != t, third != d { count -= 1 }
            if count > 1, second == e, last == s,
               !(third == s || third == UInt8(ascii: "x") || third == UInt8(ascii: "z") || third == UInt8(ascii: "c")
                 || third == UInt8(ascii: "g") || endsInChesOrShes) {
                count -= 1
            }
            return max(count, 1)
        }
    }
}

extension UnsafeBufferPointer<UInt8> {
    fileprivate func ends(with suffix: StaticString) -> Bool {
        let length = suffix.utf8CodeUnitCount
        guard count >= length else { return false }
        for offset in 0..<length where self[count - length + offset] != suffix.utf8Start[offset] { return false }
        return true
    }
}
