/// Flesch-Kincaid grade level, counted the way textstat (the reference the content brief
/// uses) counts: words with punctuation removed and hyphenated words joined, sentences
/// ending at `.`, `!` or `?` (runs of two words or fewer don't count), and syllables from
/// the CMU pronouncing dictionary — here a vowel-group rule plus ``SyllableExceptions``,
/// the words where the rule and the dictionary disagree.
///
/// Counting runs over one byte per character (see ``units(_:)``): every page's text is
/// counted in every build, and `Character` properties cost ten times more than bytes.
struct Readability: Equatable {
    var words: Int
    var sentences: Int
    var syllables: Int

    /// Counts a text.
    init(_ text: String) {
        let units = Self.units(text)
        self.init(blocks: [units], sentenceLengths: [Self.sentenceLengths(in: units)])
        if text.isEmpty { sentences = 0 }
    }

    /// Counts blocks of text as one text of those blocks joined by spaces, from their
    /// ``units(_:)`` and sentence lengths already made. Every block
    /// but the last must end in sentence punctuation, as prose blocks do: then no word or
    /// sentence runs from one block into the next, and the joined text need not be made.
    init(blocks: [[UInt8]], sentenceLengths: [[Int]]) {
        var words = 0, syllables = 0
        for block in blocks {
            block.withUnsafeBufferPointer { units in
                Self.forEachWord(in: units) { word in
                    words += 1
                    syllables += Self.syllables(ofWord: word)
                }
            }
        }
        self.words = words
        self.syllables = syllables
        sentences = max(sentenceLengths.joined().filter { $0 > 2 }.count, 1)
    }

    /// 0.39 × words per sentence + 11.8 × syllables per word − 15.59.
    var grade: Double {
        guard words > 0, sentences > 0 else { return 0 }
        return 0.39 * Double(words) / Double(sentences) + 11.8 * Double(syllables) / Double(words) - 15.59
    }

    /// The number of words in each sentence of a text, short sentences included.
    static func sentenceLengths(in text: String) -> [Int] {
        sentenceLengths(in: units(text))
    }

    /// Syllables in one lowercased word.
    static func syllables(in word: String) -> Int {
        units(word).withUnsafeBufferPointer(syllables(ofWord:))
    }
}

extension Readability {
    /// A stand-in for any character that is a letter or a number but not ASCII.
    static let otherLetter: UInt8 = 0x80
    /// A stand-in for any other character that is not ASCII: punctuation, symbols.
    static let otherSymbol: UInt8 = 0x81

    /// The text lowercased, one byte per character: ASCII characters as themselves, curly
    /// apostrophes as `'` (smart punctuation turned the author's ASCII ones curly; textstat
    /// reads source text), any other whitespace as a space, and the rest as
    /// ``otherLetter`` or ``otherSymbol``. Counting these bytes gives what counting the
    /// characters with `Character`'s properties would.
    static func units(_ text: String) -> [UInt8] {
        var text = text
        let ascii = text.withUTF8 { utf8 -> [UInt8]? in
            guard utf8.allSatisfy({ $0 < 0x80 }) else { return nil }
            return [UInt8](unsafeUninitializedCapacity: utf8.count) { units, count in
                for index in utf8.indices { units[index] = utf8[index] &- 65 < 26 ? utf8[index] + 32 : utf8[index] }
                count = utf8.count
            }
        }
        if let ascii { return ascii }
        return text.lowercased().map { character in
            if character == "\u{2019}" || character == "\u{2018}" { return UInt8(ascii: "'") }
            if let ascii = character.asciiValue { return ascii }
            if character.isWhitespace { return UInt8(ascii: " ") }
            return character.isLetter || character.isNumber ? otherLetter : otherSymbol
        }
    }

    static func isWhitespace(_ unit: UInt8) -> Bool {
        unit == 0x20 || (0x09...0x0D).contains(unit)
    }

    /// Letters, digits, `_` and non-ASCII letters: what starts a sentence and makes a word.
    static func isWordCharacter(_ unit: UInt8) -> Bool {
        unit &- 0x61 < 26 || unit &- 0x30 < 10 || unit == 0x5F || unit == otherLetter
    }

    static func isSentenceEnd(_ unit: UInt8) -> Bool {
        unit == 0x2E || unit == 0x21 || unit == 0x3F
    }

    /// Calls `body` with each word: word characters, and apostrophes only in contractions
    /// (`don't`, `it's`). Any other punctuation, hyphens included, is dropped: "well-known"
    /// is one word. A word of word characters only, nearly every word, is passed in place.
    static func forEachWord(in units: UnsafeBufferPointer<UInt8>, _ body: (UnsafeBufferPointer<UInt8>) -> Void) {
        var filtered: [UInt8] = []
        var index = 0
        while index < units.count {
            guard !isWhitespace(units[index]) else {
                index += 1
                continue
            }
            let start = index
            var onlyWordCharacters = true
            while index < units.count, !isWhitespace(units[index]) {
                onlyWordCharacters = onlyWordCharacters && isWordCharacter(units[index])
                index += 1
            }
            if onlyWordCharacters {
                body(UnsafeBufferPointer(rebasing: units[start..<index]))
                continue
            }
            filtered.removeAll(keepingCapacity: true)
            for position in start..<index {
                let unit = units[position]
                if isWordCharacter(unit) || (unit == UInt8(ascii: "'") && isContraction(units, after: position)) { filtered.append(unit) }
            }
            if !filtered.isEmpty { filtered.withUnsafeBufferPointer(body) }
        }
    }

    /// Whether the apostrophe at `position` starts a contraction's ending: 't, 's, 'd, 've, 'll, 're.
    private static func isContraction(_ units: UnsafeBufferPointer<UInt8>, after position: Int) -> Bool {
        guard position + 1 < units.count else { return false }
        let first = units[position + 1]
        if first == UInt8(ascii: "t") || first == UInt8(ascii: "s") || first == UInt8(ascii: "d") { return true }
        guard position + 2 < units.count else { return false }
        switch (first, units[position + 2]) {
        case (UInt8(ascii: "v"), UInt8(ascii: "e")), (UInt8(ascii: "l"), UInt8(ascii: "l")), (UInt8(ascii: "r"), UInt8(ascii: "e")): return true
        default: return false
        }
    }

    /// Sentences run from the start of a word to the next run of `.`, `!` or `?`.
    /// A sentence's words are the runs of non-space characters in it that hold a word
    /// character or a contraction's apostrophe: what ``forEachWord(in:_:)`` finds, counted
    /// without being made.
    static func sentenceLengths(in units: [UInt8]) -> [Int] {
        units.withUnsafeBufferPointer { units in
            var lengths: [Int] = []
            var index = 0
            while index < units.count {
                // A sentence starts at a word character.
                guard isWordCharacter(units[index]) else {
                    index += 1
                    continue
                }
                var words = 0
                var inWord = false
                while index < units.count, !isSentenceEnd(units[index]) {
                    let unit = units[index]
                    if isWhitespace(unit) {
                        inWord = false
                    } else if !inWord, isWordCharacter(unit) || (unit == UInt8(ascii: "'") && isContraction(units, after: index)) {
                        words += 1
                        inWord = true
                    }
                    index += 1
                }
                while index < units.count, isSentenceEnd(units[index]) { index += 1 }
                lengths.append(words)
            }
            return lengths
        }
    }

    /// Syllables in one word of ``units(_:)``.
    static func syllables(ofWord word: UnsafeBufferPointer<UInt8>) -> Int {
        // The exceptions are ASCII words; a word with any other letter is never one of them.
        if SyllableExceptions.mayHold(word), word.allSatisfy({ $0 < 0x80 }),
           let known = SyllableExceptions.counts[String(decoding: word, as: UTF8.self)] {
            return known
        }
        // Most words are letters only: count them in place rather than copying them.
        guard !word.allSatisfy(isLetter) else { return syllables(ofLetters: word, word: word) }
        return word.filter(isLetter).withUnsafeBufferPointer { syllables(ofLetters: $0, word: word) }
    }

    private static func isLetter(_ unit: UInt8) -> Bool {
        unit &- 0x61 < 26
    }

    /// The vowel-group rule, on a word's ASCII letters.
    private static func syllables(ofLetters letters: UnsafeBufferPointer<UInt8>, word: UnsafeBufferPointer<UInt8>) -> Int {
        // Numbers and symbols: textstat's fallback (pyphen) finds no break, so 1.
        guard !letters.isEmpty else { return 1 }
        var count = 0
        var previousWasVowel = false
        for (offset, letter) in letters.enumerated() {
            let isVowel = isVowelLetter(letter) && !(letter == UInt8(ascii: "y") && offset == 0)
            if isVowel && !previousWasVowel { count += 1 }
            previousWasVowel = isVowel
        }
        count += splitVowelPairs(letters)
        // A final silent "e" (make, tape) but not "-le" after a consonant (table, simple).
        if letters.last == UInt8(ascii: "e"), count > 1,
           !(letters.ends(with: "le") && letters.count > 2 && !isVowelLetter(letters[letters.count - 3])) {
            count -= 1
        }
        // "-ed" and "-es" are silent unless after t/d or s/x/z/ch/sh/ge/ce.
        if count > 1, letters.ends(with: "ed"), !(letters.ends(with: "ted") || letters.ends(with: "ded")) { count -= 1 }
        if count > 1, letters.ends(with: "es"),
           !(letters.ends(with: "ses") || letters.ends(with: "xes") || letters.ends(with: "zes") || letters.ends(with: "ces")
             || letters.ends(with: "ges") || word.ends(with: "ches") || word.ends(with: "shes")) {
            count -= 1
        }
        return max(count, 1)
    }

    private static func isVowelLetter(_ letter: UInt8) -> Bool {
        switch letter {
        case UInt8(ascii: "a"), UInt8(ascii: "e"), UInt8(ascii: "i"), UInt8(ascii: "o"), UInt8(ascii: "u"), UInt8(ascii: "y"): true
        default: false
        }
    }

    /// Vowel pairs usually spoken as two syllables (me-di-a, ra-di-o, ac-tu-al, me-di-um),
    /// except in the endings where they merge: -cial, -tial, -tion, -sion, -gion, qua-, gua-.
    static func splitVowelPairs(_ letters: UnsafeBufferPointer<UInt8>) -> Int {
        let (a, i, o, u) = (UInt8(ascii: "a"), UInt8(ascii: "i"), UInt8(ascii: "o"), UInt8(ascii: "u"))
        var extra = 0
        for index in letters.indices.dropFirst().dropLast() {
            let before = letters[index - 1]
            switch (letters[index], letters[index + 1]) {
            case (i, a):
                if before != UInt8(ascii: "c") && before != UInt8(ascii: "t") { extra += 1 }
            case (i, o):
                switch before {
                case UInt8(ascii: "t"), UInt8(ascii: "s"), UInt8(ascii: "c"), UInt8(ascii: "g"), UInt8(ascii: "x"): break
                default: extra += 1
                }
            case (u, a):
                if before != UInt8(ascii: "q") && before != UInt8(ascii: "g") { extra += 1 }
            case (i, u):
                extra += 1
            default:
                break
            }
        }
        return extra
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
