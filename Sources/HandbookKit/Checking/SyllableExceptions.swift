/// Syllable counts from the CMU Pronouncing Dictionary (as textstat reads it) for the words
/// of this handbook where ``Readability/syllables(in:)``'s vowel-group rule gets them wrong.
/// Regenerate when the content grows: list the content's words with their dictionary counts
/// (scripts/readability-reference.py shows how textstat counts), keep the mismatches.
enum SyllableExceptions {
    /// Whether a word may be an exception, judged by its length and its first and last
    /// bytes: nearly every word is ruled out without making a string to look up.
    static func mayHold(_ word: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let first = word.first, let last = word.last, word.count < 32 else { return false }
        let key = signature(count: word.count, first: first, last: last)
        return signatures[key >> 6] & (1 << UInt64(key & 63)) != 0
    }

    private static func signature(count: Int, first: UInt8, last: UInt8) -> Int {
        count << 10 | Int(first & 31) << 5 | Int(last & 31)
    }

    /// One bit per signature that an exception has.
    private static let signatures: [UInt64] = counts.keys.reduce(into: Array(repeating: 0, count: 32 * 32 * 32 / 64)) { bits, word in
        let bytes = Array(word.utf8)
        guard bytes.count < 32, let first = bytes.first, let last = bytes.last else { return }
        let key = signature(count: bytes.count, first: first, last: last)
        bits[key >> 6] |= 1 << UInt64(key & 63)
    }

    static let counts: [String: Int] = [
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
