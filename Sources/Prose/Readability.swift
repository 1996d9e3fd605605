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
        /// The site's own words, looked up first.
        private let site: SiteSyllables

        package init(site: SiteSyllables = SiteSyllables()) {
            self.site = site
        }

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
            // A copy: the closures below read it while `self` is being counted into.
            let site = site
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
                    let syllables = syllables(ofWord: number) {
                        site.count(ofPacked: word.letters) ?? SyllableExceptions.count(ofPacked: word.letters) ?? SyllableCount(word).total()
                    }
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
                        let syllables = syllables(ofWord: sink.add(letters: word)) { site.count(of: word) ?? Readability.syllables(ofWord: word) }
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
                let word = UnsafeBufferPointer(rebasing: run[..<end])
                syllables += site.count(of: word) ?? Readability.syllables(ofWord: word)
            }
        }

        private mutating func finish(sentence words: Int, _ sentence: (_ words: Int) -> Void) {
            if words > 2 { sentences += 1 }
            sentence(words)
        }
    }
}
