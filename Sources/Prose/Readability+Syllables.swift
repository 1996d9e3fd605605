
extension Readability {
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
