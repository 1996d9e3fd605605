/// Flesch-Kincaid grade level, counted the way textstat (the reference the content brief
/// uses) counts: words with punctuation removed and hyphenated words joined, sentences
/// ending at `.`, `!` or `?` (runs of two words or fewer don't count), and syllables from
/// the CMU pronouncing dictionary — here a vowel-group rule plus ``SyllableExceptions``,
/// the words where the rule and the dictionary disagree.
///
/// Counting runs over one byte per character (see ``units(of:into:)``): every page's text
/// is counted in every build, and `Character` properties cost ten times more than bytes.
struct Readability: Equatable {
    var words: Int
    var sentences: Int
    var syllables: Int

    /// 0.39 × words per sentence + 11.8 × syllables per word − 15.59.
    var grade: Double {
        guard words > 0, sentences > 0 else { return 0 }
        return 0.39 * Double(words) / Double(sentences) + 11.8 * Double(syllables) / Double(words) - 15.59
    }
}

extension Readability {
    /// Counts a text.
    init(_ text: String) {
        var counter = Counter()
        var units: [UInt8] = []
        Self.units(of: text, into: &units)
        counter.count(&units) { _ in }
        self = counter.readability
        if text.isEmpty { sentences = 0 }
    }

    /// The number of words in each sentence of a text, short sentences included.
    static func sentenceLengths(in text: String) -> [Int] {
        var counter = Counter()
        var units: [UInt8] = []
        var lengths: [Int] = []
        Self.units(of: text, into: &units)
        counter.count(&units) { lengths.append($0) }
        return lengths
    }

    /// Syllables in one lowercased word.
    static func syllables(in word: String) -> Int {
        var units: [UInt8] = []
        Self.units(of: word, into: &units)
        return units.withUnsafeBufferPointer(syllables(ofWord:))
    }

    /// Counts blocks of text as one text of those blocks joined by spaces. Every block but
    /// the last must end in sentence punctuation, as prose blocks do: then no word or
    /// sentence runs from one block into the next, and the joined text need not be made.
    struct Counter {
        private var words = 0
        private var syllables = 0
        /// Sentences of three words or more.
        private var sentences = 0

        /// The counts so far; a text without sentences counts as one.
        var readability: Readability {
            Readability(words: words, sentences: max(sentences, 1), syllables: syllables)
        }

        /// Counts one block of ``Readability/units(of:into:)``, in one pass: its words and their
        /// syllables, and its sentences, passing each one's number of words to `sentence`.
        ///
        /// Words are runs of non-space units: their word characters, and apostrophes only in
        /// contractions (`don't`, `it's`). Any other punctuation, hyphens included, is dropped:
        /// "well-known" is one word. A sentence runs from a word character to the next `.`,
        /// `!` or `?`; its words are the runs, or their parts after its start, holding a
        /// word's unit. The units are changed: each word is moved down over what it drops.
        mutating func count(_ units: inout [UInt8], sentence: (_ words: Int) -> Void) {
            units.withUnsafeMutableBufferPointer { units in
                // The current sentence's words; nil between sentences.
                var sentenceWords: Int?
                var index = 0
                while index < units.count {
                    guard !isWhitespace(units[index]) else {
                        index += 1
                        continue
                    }
                    let start = index
                    var lettersOnly = true
                    while index < units.count, !isWhitespace(units[index]) {
                        lettersOnly = lettersOnly && isLetter(units[index])
                        index += 1
                    }
                    // Nearly every word: one more word of the sentence, or the first of the next.
                    if lettersOnly {
                        sentenceWords = (sentenceWords ?? 0) + 1
                        add(word: UnsafeBufferPointer(rebasing: units[start..<index]))
                        continue
                    }
                    var end = start
                    var inWord = false
                    for position in start..<index {
                        let unit = units[position]
                        let isWordCharacter = Readability.isWordCharacter(unit)
                        let isWordUnit = isWordCharacter || (unit == UInt8(ascii: "'") && isContraction(units, after: position))
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
                            units[end] = unit
                            end += 1
                        }
                    }
                    if end > start { add(word: UnsafeBufferPointer(rebasing: units[start..<end])) }
                }
                if let words = sentenceWords { finish(sentence: words, sentence) }
            }
        }

        private mutating func add(word: UnsafeBufferPointer<UInt8>) {
            words += 1
            syllables += Readability.syllables(ofWord: word)
        }

        private mutating func finish(sentence words: Int, _ sentence: (_ words: Int) -> Void) {
            if words > 2 { sentences += 1 }
            sentence(words)
        }
    }
}

extension Readability {
    /// A stand-in for any character that is a letter or a number but not ASCII.
    static let otherLetter: UInt8 = 0x80
    /// A stand-in for any other character that is not ASCII: punctuation, symbols.
    static let otherSymbol: UInt8 = 0x81

    /// Replaces `units` with the text lowercased, one byte per character: ASCII characters as
    /// themselves, curly apostrophes as `'` (smart punctuation turned the author's ASCII ones
    /// curly; textstat reads source text), any other whitespace as a space, and the rest as
    /// ``otherLetter`` or ``otherSymbol``. Counting these bytes gives what counting the
    /// characters with `Character`'s properties would. One buffer serves every block of a page.
    static func units(of text: String, into units: inout [UInt8]) {
        var text = text
        text.withUTF8 { Self.units(of: $0, into: &units) }
    }

    /// ``units(of:into:)`` for text as UTF-8, read where it lies.
    static func units(of utf8: UnsafeBufferPointer<UInt8>, into units: inout [UInt8]) {
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

    static func isWhitespace(_ unit: UInt8) -> Bool {
        unit == 0x20 || unit &- 0x09 < 5
    }

    /// Letters, digits, `_` and non-ASCII letters: what starts a sentence and makes a word.
    static func isWordCharacter(_ unit: UInt8) -> Bool {
        unit &- 0x61 < 26 || unit &- 0x30 < 10 || unit == 0x5F || unit == otherLetter
    }

    static func isSentenceEnd(_ unit: UInt8) -> Bool {
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

    /// a, e, i, o, u and y as bits of their offset from `a`.
    private static let vowelBits: UInt32 = 1 << 0 | 1 << 4 | 1 << 8 | 1 << 14 | 1 << 20 | 1 << 24

    private static func isVowelLetter(_ letter: UInt8) -> Bool {
        isLetter(letter) && vowelBits >> UInt32(letter &- 0x61) & 1 != 0
    }

    /// Syllables in one word of ``units(of:into:)``: the vowel-group rule on its ASCII
    /// letters, in one pass that keeps the last three letters for the endings.
    static func syllables(ofWord word: UnsafeBufferPointer<UInt8>) -> Int {
        // The exceptions are ASCII words; a word with any other letter is never one of them.
        if SyllableExceptions.mayHold(word), word.allSatisfy({ $0 < 0x80 }),
           let known = SyllableExceptions.counts[String(decoding: word, as: UTF8.self)] {
            return known
        }
        let (a, c, d, e, g, i, l) = (UInt8(ascii: "a"), UInt8(ascii: "c"), UInt8(ascii: "d"), UInt8(ascii: "e"),
                                     UInt8(ascii: "g"), UInt8(ascii: "i"), UInt8(ascii: "l"))
        let (o, q, s, t, u, x, z) = (UInt8(ascii: "o"), UInt8(ascii: "q"), UInt8(ascii: "s"), UInt8(ascii: "t"),
                                     UInt8(ascii: "u"), UInt8(ascii: "x"), UInt8(ascii: "z"))
        var count = 0
        var letters = 0
        var previousWasVowel = false
        // The last three letters, `last` the latest; 0 before there are that many.
        var (third, second, last): (UInt8, UInt8, UInt8) = (0, 0, 0)
        for letter in word where isLetter(letter) {
            let isVowel = isVowelLetter(letter) && !(letter == UInt8(ascii: "y") && letters == 0)
            if isVowel && !previousWasVowel { count += 1 }
            previousWasVowel = isVowel
            // Vowel pairs usually spoken as two syllables (me-di-a, ra-di-o, ac-tu-al, me-di-um),
            // except in the endings where they merge: -cial, -tial, -tion, -sion, -gion, qua-, gua-.
            // A pair counts only after a first letter.
            if letters >= 2 {
                switch (last, letter) {
                case (i, a): if second != c && second != t { count += 1 }
                case (i, o): if !(second == t || second == s || second == c || second == g || second == x) { count += 1 }
                case (u, a): if second != q && second != g { count += 1 }
                case (i, u): count += 1
                default: break
                }
            }
            (third, second, last) = (second, last, letter)
            letters += 1
        }
        // Numbers and symbols: textstat's fallback (pyphen) finds no break, so 1.
        guard letters > 0 else { return 1 }
        // A final silent "e" (make, tape) but not "-le" after a consonant (table, simple).
        if last == e, count > 1, !(second == l && letters > 2 && !isVowelLetter(third)) { count -= 1 }
        // "-ed" and "-es" are silent unless after t/d or s/x/z/ch/sh/ge/ce.
        if count > 1, second == e, last == d, third != t, third != d { count -= 1 }
        if count > 1, second == e, last == s,
           !(third == s || third == x || third == z || third == c || third == g
             || word.ends(with: "ches") || word.ends(with: "shes")) {
            count -= 1
        }
        return max(count, 1)
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
