import HandbookCore
#if canImport(Glibc)
import Glibc
#endif

/// A set of search words held as byte ranges of one buffer, in UTF-8 byte order.
///
/// A page has hundreds of distinct words and every page is indexed in every build: sorting
/// and comparing them in place, as bytes, costs a small part of what a `Set<String>` and
/// sorted `String`s cost.
package struct SearchWords {
    private var bytes: [UInt8] = []
    /// Sorted and unique once built.
    private var spans: [Span] = []

    /// Where a word is in `bytes`, with its first 8 bytes packed into an integer, which
    /// compares in the words' byte order: most words differ there. 16 bytes in all, so that
    /// the spans of a page's few hundred words take little room and move cheaply.
    package struct Span {
        package var head: UInt64
        private var first: Int32
        private var past: Int32

        package init(start: Int, end: Int, in bytes: UnsafeBufferPointer<UInt8>) {
            first = Int32(start)
            past = Int32(end)
            // Bytes beyond the word are 0, below any byte of a word: a word sorts before
            // the longer words it starts.
            head = Self.packed(bytes, from: start, count: min(8, end - start))
        }

        /// A word of up to 8 bytes whose packed head is known.
        package init(start: Int, count: Int, head: UInt64) {
            first = Int32(start)
            past = Int32(start + count)
            self.head = head
        }

        package var start: Int { Int(first) }
        package var end: Int { Int(past) }
        package var count: Int { end - start }

        /// Up to 8 bytes as a big-endian integer, low bytes 0: the lanes of ``ByteLanes``
        /// byte-swapped, whatever lies after the word masked off.
        private static func packed(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int, count: Int) -> UInt64 {
            ByteLanes.load(bytes, at: start, padding: 0).byteSwapped & ~(UInt64.max >> (8 * count))
        }
    }

    /// The words of texts, split as ``SearchTokens/words(_:)`` splits them.
    package init(_ texts: some Sequence<String>, leavingOut stopWords: SearchWords? = nil) {
        var builder = Builder(byteCount: texts.reduce(0) { $0 + $1.utf8.count })
        for var text in texts { text.withUTF8 { builder.add(text: $0) } }
        self.init(builder, leavingOut: stopWords)
    }

    /// The words a builder gathered.
    package init(_ builder: consuming Builder, leavingOut stopWords: SearchWords? = nil) {
        (bytes, spans) = builder.finished()
        if let stopWords { spans = without(stopWords) }
    }

    /// The spans of the words not in `other`: one walk through both sets in step, as both
    /// are sorted. Leaving stop words out here, rather than while hashing, spares every set
    /// a table that starts with the stop words in it.
    private func without(_ other: SearchWords) -> [Span] {
        other.bytes.withUnsafeBufferPointer { otherBytes in
            bytes.withUnsafeBufferPointer { buffer in
                var next = 0
                return spans.filter { span in
                    while next < other.spans.count, Self.order(other.spans[next], otherBytes, span, buffer) < 0 { next += 1 }
                    return next == other.spans.count || Self.order(other.spans[next], otherBytes, span, buffer) != 0
                }
            }
        }
    }

    /// The union of word sets.
    package init(merging sets: [SearchWords]) {
        var builder = Builder(byteCount: sets.reduce(0) { $0 + $1.bytes.count }, words: sets.reduce(0) { $0 + $1.spans.count })
        for set in sets {
            set.bytes.withUnsafeBufferPointer { setBytes in
                for span in set.spans { builder.add(word: UnsafeBufferPointer(rebasing: setBytes[span.start..<span.end])) }
            }
        }
        self.init(builder)
    }

    /// The words as strings, in order.
    package var strings: [String] { spans.map { String(decoding: bytes[$0.start..<$0.end], as: UTF8.self) } }

    /// The words kept by `isKept`, in order, joined by spaces.
    package func joined(where isKept: (_ index: Int) -> Bool) -> String {
        withUnsafeTemporaryAllocation(of: Bool.self, capacity: spans.count) { kept in
            var length = -1
            for index in spans.indices {
                kept[index] = isKept(index)
                if kept[index] { length += spans[index].count + 1 }
            }
            // Written at its size into the string: every page's entry is held until the index
            // is written, and fewer words are kept than the set holds.
            return bytes.withUnsafeBufferPointer { bytes in
                String(unsafeUninitializedCapacity: max(length, 0)) { joined in
                    var end = 0
                    for index in spans.indices where kept[index] {
                        if end > 0 {
                            joined[end] = UInt8(ascii: " ")
                            end += 1
                        }
                        let span = spans[index]
                        _ = UnsafeMutableBufferPointer(rebasing: joined[end...]).initialize(fromContentsOf: UnsafeBufferPointer(rebasing: bytes[span.start..<span.end]))
                        end += span.count
                    }
                    return end
                }
            }
        }
    }

    /// Whether the word after word `index` starts with it: in byte order, every word that
    /// starts with a word follows it directly.
    package func nextStartsWith(_ index: Int) -> Bool {
        guard index + 1 < spans.count else { return false }
        return bytes.withUnsafeBufferPointer { Self.starts(spans[index + 1], in: $0, with: spans[index], in: $0) }
    }

    /// For each word of `other`, in order, whether a word of this set starts with it or
    /// equals it: one walk through both sets in step, as both are sorted.
    package func hasWords(startingWithEachOf other: SearchWords) -> [Bool] {
        other.bytes.withUnsafeBufferPointer { prefixBytes in
            bytes.withUnsafeBufferPointer { buffer in
                // Where the words not before the prefix begin: it only moves on, as the prefixes do.
                var low = 0
                return other.spans.map { prefix in
                    while low < spans.count, Self.order(spans[low], buffer, prefix, prefixBytes) < 0 { low += 1 }
                    return low < spans.count && Self.starts(spans[low], in: buffer, with: prefix, in: prefixBytes)
                }
            }
        }
    }

    /// Whether word `index` is more than one character: more than one byte, unless those
    /// bytes are one character outside ASCII. Asked of every word of every page.
    package func hasSeveralCharacters(_ index: Int) -> Bool {
        let span = spans[index]
        guard span.count > 1 else { return false }
        // An ASCII first byte is a character, with more bytes after it.
        return bytes[span.start] < 0x80 || String(decoding: bytes[span.start..<span.end], as: UTF8.self).count > 1
    }

    /// UTF-8 byte order, shorter first where one word starts the other: all words that
    /// start with a prefix sit together just after the prefix's own place.
    package static func order(_ a: Span, _ aBytes: UnsafeBufferPointer<UInt8>, _ b: Span, _ bBytes: UnsafeBufferPointer<UInt8>) -> Int {
        if a.head != b.head { return a.head < b.head ? -1 : 1 }
        let shared = min(a.count, b.count) - 8
        let order = shared <= 0 ? 0 : Int(memcmp(aBytes.baseAddress! + a.start + 8, bBytes.baseAddress! + b.start + 8, shared))
        return order != 0 ? order : a.count - b.count
    }

    /// Whether `word` starts with `prefix`, told by their heads unless the prefix is longer.
    private static func starts(_ word: Span, in wordBytes: UnsafeBufferPointer<UInt8>, with prefix: Span, in prefixBytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard word.count >= prefix.count, word.head & ~(UInt64.max >> (8 * min(8, prefix.count))) == prefix.head else { return false }
        return prefix.count <= 8 || memcmp(wordBytes.baseAddress! + word.start + 8, prefixBytes.baseAddress! + prefix.start + 8, prefix.count - 8) == 0
    }
}
