import HandbookCore

extension Readability.Counter {
    /// ``count(_:words:sentence:)`` handing the words to the search index's builder. Not
    /// generic, so that the loop is specialized here, in its own module: called generically
    /// from another module it ran unspecialized, a third slower.
    package mutating func count(_ utf8: UnsafeBufferPointer<UInt8>, searchWords: inout SearchWords.Builder,
                                sentence: (_ words: Int) -> Void) {
        count(utf8, words: &searchWords, sentence: sentence)
    }
}
