import HandbookCore

/// Syllable counts from the CMU Pronouncing Dictionary (as textstat reads it) for the words
/// of this handbook where ``Readability/syllables(in:)``'s vowel-group rule gets them wrong.
/// Regenerate when the content grows: list the content's words with their dictionary counts
/// (scripts/readability-reference.py shows how textstat counts), keep the mismatches.
package enum SyllableExceptions {
    /// The dictionary's count for a lowercased word, if the word is an exception. Every word
    /// of every page is looked up: a word of 8 bytes or fewer, nearly all of them, is looked up
    /// as one integer, and a longer one only if its length and its first and last bytes
    /// are an exception's.
    package static func count(of word: UnsafeBufferPointer<UInt8>) -> Int? {
        guard word.count > 8 else { return count(ofPacked: ByteLanes.load(word, at: 0, padding: 0)) }
        let signature = signature(word)
        guard word.count < 32, signatures[signature >> 6] & (1 << UInt64(signature & 63)) != 0,
              ByteLanes.isASCII(word) else { return nil }
        return counts[String(decoding: word, as: UTF8.self)]
    }

    /// ``count(of:)`` for a word of 8 bytes or fewer, its first byte in the lowest byte of
    /// `word` and 0 past its end.
    @inline(__always) package static func count(ofPacked word: UInt64) -> Int? {
        short.count(of: word)
    }

    /// The exceptions of 8 bytes or fewer, in an open-addressing table keyed by their bytes.
    private struct ShortTable {
        /// 0 where free; at most a quarter full.
        private var words: [UInt64]
        private var counts: [UInt8]

        package init(_ exceptions: [String: Int]) {
            let short = exceptions.filter { $0.key.utf8.count <= 8 }
            words = Array(repeating: 0, count: max(64, 4 * short.count).nextPowerOfTwo)
            counts = Array(repeating: 0, count: words.count)
            for (var word, count) in short {
                let packed = word.withUTF8 { ByteLanes.load($0, at: 0, padding: 0) }
                var slot = self.slot(of: packed)
                while words[slot] != 0 { slot = (slot + 1) & (words.count - 1) }
                words[slot] = packed
                counts[slot] = UInt8(count)
            }
        }

        @inline(__always) package func count(of word: UInt64) -> Int? {
            var slot = slot(of: word)
            while words[slot] != 0 {
                if words[slot] == word { return Int(counts[slot]) }
                slot = (slot + 1) & (words.count - 1)
            }
            return nil
        }

        /// Fibonacci hashing: the top bits of the product, which every byte of the word sways.
        @inline(__always) private func slot(of word: UInt64) -> Int {
            Int(truncatingIfNeeded: (word &* 0x9E37_79B9_7F4A_7C15) >> UInt64(64 - words.count.trailingZeroBitCount))
        }
    }

    private static let short = ShortTable(counts)

    /// A longer word's length and first and last bytes, 15 bits.
    private static func signature(_ word: UnsafeBufferPointer<UInt8>) -> Int {
        word.count << 10 | Int(word[0] & 31) << 5 | Int(word[word.count - 1] & 31)
    }

    /// One bit per signature of a longer exception.
    private static let signatures: [UInt64] = counts.keys.reduce(into: Array(repeating: 0, count: 32 * 32 * 32 / 64)) { bits, word in
        var word = word
        word.withUTF8 { word in
            guard word.count > 8, word.count < 32 else { return }
            let signature = signature(word)
            bits[signature >> 6] |= 1 << UInt64(signature & 63)
        }
    }

    package static let counts: [String: Int] = [
        "10second": 1,
        "20minute": 1,
        "5second": 1,
        "activities": 4,
        "agerelated": 2,
        "ankles": 2,
        "anyone": 3,
        "applies": 2,
        "area": 3,
        "areas": 3,
        "being": 2,
        "benzodiazepines": 3,
        "bodybuilding": 3,
        "carers": 1,
        "carries": 2,
        "carrying": 3,
        "cauda": 1,
        "chairedge": 1,
        "circles": 2,
        "completely": 3,
        "countries": 2,
        "cushion": 2,
        "cushions": 2,
        "cycling": 3,
        "diazepam": 1,
        "discectomy": 3,
        "doing": 2,
        "drawer": 1,
        "easier": 3,
        "easiest": 3,
        "ejaculating": 4,
        "electricshock": 3,
        "electromyography": 2,
        "elsewhere": 2,
        "equina": 1,
        "especially": 3,
        "everyday": 3,
        "flareup": 1,
        "flareups": 1,
        "footrest": 1,
        "foraminotomy": 3,
        "gabapentin": 2,
        "gentlest": 3,
        "going": 2,
        "guidelines": 2,
        "handles": 2,
        "herniated": 3,
        "hotwater": 2,
        "hour": 2,
        "hours": 2,
        "housework": 2,
        "idea": 3,
        "ideas": 3,
        "kneetochest": 2,
        "laminectomy": 4,
        "layer": 2,
        "likely": 2,
        "longlasting": 2,
        "lying": 2,
        "mindbody": 2,
        "movement": 2,
        "movements": 2,
        "mri": 3,
        "muscles": 2,
        "naproxen": 2,
        "needles": 2,
        "nonsteroidal": 5,
        "ok": 2,
        "opinion": 3,
        "opioids": 1,
        "our": 2,
        "painfree": 2,
        "paracetamol": 1,
        "peeing": 2,
        "physio": 3,
        "pooing": 2,
        "pregabalin": 2,
        "radiculopathy": 4,
        "reacts": 2,
        "recovery": 3,
        "safely": 2,
        "safety": 2,
        "sameday": 1,
        "sciatic": 3,
        "settled": 2,
        "settles": 2,
        "several": 2,
        "shivery": 1,
        "sidereach": 1,
        "sideways": 2,
        "simpler": 3,
        "singleleg": 1,
        "sittostand": 2,
        "situp": 1,
        "situps": 1,
        "something": 2,
        "sometimes": 2,
        "spasm": 2,
        "staying": 2,
        "steadier": 3,
        "straightleg": 1,
        "studies": 2,
        "tingling": 3,
        "tire": 2,
        "tissue": 2,
        "toereaches": 2,
        "trying": 2,
        "uk": 2,
        "useful": 2,
        "video": 3,
        "videos": 3,
        "wednesday": 2,
        "wellknown": 1,
        "worried": 2,
        "worrying": 3,
    ]
}
