import HandbookCore

/// A site's own syllable counts (`syllables:` in `handbook.yml`), for its words that neither
/// the general table nor the vowel-group rule counts right: drug names, brand-new terms.
/// Looked up before the general table.
public struct SiteSyllables: Sendable, Equatable {
    /// Words of 8 bytes or fewer, packed as ``ByteLanes/load(_:at:padding:)`` packs them.
    private var short: [UInt64: Int] = [:]
    private var long: [String: Int] = [:]

    /// - Parameter counts: Each lowercase word's syllables.
    public init(_ counts: [String: Int] = [:]) {
        for (word, count) in counts {
            var word = word.lowercased()
            if word.utf8.count <= 8 {
                short[word.withUTF8 { ByteLanes.load($0, at: 0, padding: 0) }] = count
            } else {
                long[word] = count
            }
        }
    }

    /// The site's count for a short word, packed.
    @inline(__always) package func count(ofPacked word: UInt64) -> Int? {
        short.isEmpty ? nil : short[word]
    }

    /// The site's count for a lowercase word.
    package func count(of word: UnsafeBufferPointer<UInt8>) -> Int? {
        guard !(short.isEmpty && long.isEmpty) else { return nil }
        if word.count <= 8 { return short[ByteLanes.load(word, at: 0, padding: 0)] }
        return long[String(decoding: word, as: UTF8.self)]
    }
}
