/// Flesch-Kincaid grade level, counted the way textstat (the reference the content brief
/// uses) counts: words with punctuation removed and hyphenated words joined, sentences
/// ending at `.`, `!` or `?` (runs of two words or fewer don't count), and syllables from
/// the CMU pronouncing dictionary — here a vowel-group rule plus ``SyllableExceptions``,
/// the words where the rule and the dictionary disagree.
struct Readability: Equatable {
    var words: Int
    var sentences: Int
    var syllables: Int

    /// Counts a text.
    init(_ text: String) {
        // Smart punctuation turned ASCII apostrophes curly; textstat reads source text.
        let text = text.replacingCurlyApostrophes
        let words = Self.words(in: text)
        self.words = words.count
        syllables = words.reduce(0) { $0 + Self.syllables(in: $1) }
        sentences = Self.sentences(in: text).filter { Self.words(in: $0).count > 2 }.count
        sentences = max(sentences, text.isEmpty ? 0 : 1)
    }

    /// 0.39 × words per sentence + 11.8 × syllables per word − 15.59.
    var grade: Double {
        guard words > 0, sentences > 0 else { return 0 }
        return 0.39 * Double(words) / Double(sentences) + 11.8 * Double(syllables) / Double(words) - 15.59
    }

    /// Words, lowercased; apostrophes kept only in contractions (`don't`, `it's`).
    static func words<Text: StringProtocol>(in text: Text) -> [String] {
        var words: [String] = []
        var current = ""
        let characters = Array(text.lowercased())
        for (index, character) in characters.enumerated() {
            if character.isWhitespace {
                if !current.isEmpty { words.append(current) }
                current = ""
            } else if character.isLetter || character.isNumber || character == "_" {
                current.append(character)
            } else if character == "'", isContraction(characters, after: index) {
                current.append(character)
            }
            // Any other punctuation, hyphens included, is dropped: "well-known" is one word.
        }
        if !current.isEmpty { words.append(current) }
        return words
    }

    private static func isContraction(_ characters: [Character], after index: Int) -> Bool {
        let rest = characters[(index + 1)...].prefix(2)
        guard let first = rest.first else { return false }
        if "tsd".contains(first) { return true }
        return ["ve", "ll", "re"].contains(String(rest))
    }

    /// Sentences: from the start of a word to the next run of `.`, `!` or `?`.
    static func sentences(in text: String) -> [Substring] {
        var sentences: [Substring] = []
        var index = text.startIndex
        while index < text.endIndex {
            guard let start = text[index...].firstIndex(where: { $0.isLetter || $0.isNumber || $0 == "_" }) else { break }
            var end = text[start...].firstIndex(where: { ".!?".contains($0) }) ?? text.endIndex
            while end < text.endIndex, ".!?".contains(text[end]) { end = text.index(after: end) }
            sentences.append(text[start..<end])
            index = end
        }
        return sentences
    }

    /// Syllables in one lowercased word.
    static func syllables(in word: String) -> Int {
        if let known = SyllableExceptions.counts[word] { return known }
        let letters = Array(word.filter { $0.isLetter && $0.isASCII })
        // Numbers and symbols: textstat's fallback (pyphen) finds no break, so 1.
        guard !letters.isEmpty else { return 1 }
        let vowels: Set<Character> = ["a", "e", "i", "o", "u", "y"]
        var count = 0
        var previousWasVowel = false
        for (index, letter) in letters.enumerated() {
            let isVowel = vowels.contains(letter) && !(letter == "y" && index == 0)
            if isVowel && !previousWasVowel { count += 1 }
            previousWasVowel = isVowel
        }
        count += splitVowelPairs(letters)
        let ending = String(letters.suffix(3))
        // A final silent "e" (make, tape) but not "-le" after a consonant (table, simple).
        if letters.last == "e", count > 1, !(ending.hasSuffix("le") && letters.count > 2 && !vowels.contains(letters[letters.count - 3])) {
            count -= 1
        }
        // "-ed" and "-es" are silent unless after t/d or s/x/z/ch/sh/ge/ce.
        if count > 1, ending.hasSuffix("ed"), !["ted", "ded"].contains(ending) { count -= 1 }
        if count > 1, ending.hasSuffix("es"), !(["ses", "xes", "zes", "ces", "ges"].contains(ending) || word.hasSuffix("ches") || word.hasSuffix("shes")) {
            count -= 1
        }
        return max(count, 1)
    }
}

extension Readability {
    /// Vowel pairs usually spoken as two syllables (me-di-a, ra-di-o, ac-tu-al, me-di-um),
    /// except in the endings where they merge: -cial, -tial, -tion, -sion, -gion, qua-, gua-.
    static func splitVowelPairs(_ letters: [Character]) -> Int {
        var extra = 0
        for index in letters.indices.dropFirst().dropLast() {
            let before = letters[index - 1], first = letters[index], second = letters[index + 1]
            switch (first, second) {
            case ("i", "a"):
                if !"ct".contains(before) { extra += 1 }
            case ("i", "o"):
                if !"tscgx".contains(before) { extra += 1 }
            case ("u", "a"):
                if !"qg".contains(before) { extra += 1 }
            case ("i", "u"):
                extra += 1
            default:
                break
            }
        }
        return extra
    }
}

extension String {
    var replacingCurlyApostrophes: String {
        String(map { $0 == "\u{2019}" || $0 == "\u{2018}" ? "'" : $0 })
    }
}
