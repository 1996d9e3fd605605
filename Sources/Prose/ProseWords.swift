
/// Where the readability count hands the words it reads, so that the search index gets a
/// page's words from the same pass over its prose (``ProseCounts/init(_:words:)``) instead
/// of splitting every block again, and the count learns which words it has seen before.
package protocol ProseWords {
    /// A word of 1 to 7 letters, lowercase and packed as ``PackedWord/letters``: nearly
    /// every word of a page.
    /// - Returns: The word's number, the same for each of its occurrences, so the count
    ///   works out its syllables once; nil to have them worked out every time.
    mutating func add(packed letters: UInt64, count: Int) -> Int?

    /// A longer word of letters alone, lowercase.
    /// - Returns: The word's number, as ``add(packed:count:)`` gives it.
    mutating func add(letters word: UnsafeBufferPointer<UInt8>) -> Int?

    /// Any other text between whitespace, as it is in the page; or a whole block that is
    /// not ASCII, which the count reads as other units than bytes.
    mutating func add(text: UnsafeBufferPointer<UInt8>)
}

/// For counts made without a search index: the words go nowhere.
package struct NoProseWords: ProseWords {
    package init() {}

    package func add(packed letters: UInt64, count: Int) -> Int? { nil }
    package func add(letters word: UnsafeBufferPointer<UInt8>) -> Int? { nil }
    package func add(text: UnsafeBufferPointer<UInt8>) {}
}
