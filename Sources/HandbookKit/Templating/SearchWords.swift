#if canImport(Glibc)
import Glibc
#endif

/// A set of search words held as byte ranges of one buffer, in UTF-8 byte order.
///
/// A page has hundreds of distinct words and every page is indexed in every build: sorting
/// and comparing them in place, as bytes, costs a small part of what a `Set<String>` and
/// sorted `String`s cost.
struct SearchWords {
    private var bytes: [UInt8] = []
    /// Sorted and unique once built.
    private var spans: [Span] = []

    /// Where a word is in `bytes`, with its first 8 bytes packed into an integer, which
    /// compares in the words' byte order: most words differ there. 16 bytes in all, so that
    /// the spans of a page's few hundred words take little room and move cheaply.
    struct Span {
        var head: UInt64
        private var first: Int32
        private var past: Int32

        init(start: Int, end: Int, in bytes: UnsafeBufferPointer<UInt8>) {
            first = Int32(start)
            past = Int32(end)
            // Bytes beyond the word are 0, below any byte of a word: a word sorts before
            // the longer words it starts.
            head = Self.packed(bytes, from: start, count: min(8, end - start))
        }

        /// A word of up to 8 bytes whose packed head is known.
        init(start: Int, count: Int, head: UInt64) {
            first = Int32(start)
            past = Int32(start + count)
            self.head = head
        }

        var start: Int { Int(first) }
        var end: Int { Int(past) }
        var count: Int { end - start }

        /// Up to 8 bytes as a big-endian integer, low bytes 0: the lanes of ``ByteLanes``
        /// byte-swapped, whatever lies after the word masked off.
        private static func packed(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int, count: Int) -> UInt64 {
            ByteLanes.load(bytes, at: start, padding: 0).byteSwapped & ~(UInt64.max >> (8 * count))
        }
    }

    /// The words of texts, split as ``SearchIndex/words(_:)`` splits them.
    init(_ texts: some Sequence<String>, leavingOut stopWords: SearchWords? = nil) {
        self.init(byteCount: texts.reduce(0) { $0 + $1.utf8.count }, leavingOut: stopWords) { add in
            for var text in texts { text.withUTF8(add) }
        }
    }

    /// The words of a page's prose, read from its buffer.
    init(_ prose: PageProse, leavingOut stopWords: SearchWords? = nil) {
        self.init(byteCount: prose.bytes.count, leavingOut: stopWords) { add in
            prose.bytes.withUnsafeBufferPointer { bytes in
                for block in prose.blocks { add(UnsafeBufferPointer(rebasing: bytes[block.range])) }
            }
        }
    }

    /// The words of the texts `texts` hands to its argument, `byteCount` bytes in all.
    private init(byteCount: Int, leavingOut stopWords: SearchWords?,
                 texts: (_ add: (UnsafeBufferPointer<UInt8>) -> Void) -> Void) {
        var bytes: [UInt8] = []
        // 8 more bytes let the last word be read and written as one integer.
        bytes.reserveCapacity(byteCount + 8)
        // A page has about one distinct word to every 16 bytes of its text.
        var distinct = Distinct(capacity: byteCount / 16)
        texts { Self.add($0, to: &bytes, &distinct) }
        self.bytes = bytes
        spans = bytes.withUnsafeBufferPointer { distinct.sortedSpans(in: $0) }
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
    init(merging sets: [SearchWords]) {
        var distinct = Distinct(capacity: sets.reduce(0) { $0 + $1.spans.count })
        bytes.reserveCapacity(sets.reduce(0) { $0 + $1.bytes.count })
        for set in sets {
            set.bytes.withUnsafeBufferPointer { setBytes in
                for span in set.spans {
                    Self.append(word: UnsafeBufferPointer(rebasing: setBytes[span.start..<span.end]), to: &bytes, &distinct)
                }
            }
        }
        spans = bytes.withUnsafeBufferPointer { distinct.sortedSpans(in: $0) }
    }

    /// The words as strings, in order.
    var strings: [String] { spans.map { String(decoding: bytes[$0.start..<$0.end], as: UTF8.self) } }

    /// The words kept by `isKept`, in order, joined by spaces.
    func joined(where isKept: (_ index: Int) -> Bool) -> String {
        var joined: [UInt8] = []
        joined.reserveCapacity(bytes.count + spans.count)
        bytes.withUnsafeBufferPointer { bytes in
            for span in spans.indices where isKept(span) {
                if !joined.isEmpty { joined.append(UInt8(ascii: " ")) }
                joined.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[spans[span].start..<spans[span].end]))
            }
        }
        // Copied at its size: every page's entry is held until the index is written, and
        // fewer words are kept than the set holds.
        return String(decoding: joined, as: UTF8.self)
    }

    /// Whether the word after word `index` starts with it: in byte order, every word that
    /// starts with a word follows it directly.
    func nextStartsWith(_ index: Int) -> Bool {
        guard index + 1 < spans.count else { return false }
        return bytes.withUnsafeBufferPointer { Self.starts(spans[index + 1], in: $0, with: spans[index], in: $0) }
    }

    /// For each word of `other`, in order, whether a word of this set starts with it or
    /// equals it: one walk through both sets in step, as both are sorted.
    func hasWords(startingWithEachOf other: SearchWords) -> [Bool] {
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
    func hasSeveralCharacters(_ index: Int) -> Bool {
        let span = spans[index]
        guard span.count > 1 else { return false }
        // An ASCII first byte is a character, with more bytes after it.
        return bytes[span.start] < 0x80 || String(decoding: bytes[span.start..<span.end], as: UTF8.self).count > 1
    }

    /// UTF-8 byte order, shorter first where one word starts the other: all words that
    /// start with a prefix sit together just after the prefix's own place.
    static func order(_ a: Span, _ aBytes: UnsafeBufferPointer<UInt8>, _ b: Span, _ bBytes: UnsafeBufferPointer<UInt8>) -> Int {
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

    /// Appends a text's words to `bytes`, and adds each to `distinct`. ASCII text, nearly
    /// all, is split here, lowercased and apostrophes dropped, as ``SearchIndex/words(_:)``
    /// would split it.
    private static func add(_ utf8: UnsafeBufferPointer<UInt8>, to bytes: inout [UInt8], _ distinct: inout Distinct) {
        guard ByteLanes.isASCII(utf8) else {
            for word in SearchIndex.words(String(decoding: utf8, as: UTF8.self)) { append(word: word.utf8, to: &bytes, &distinct) }
            return
        }
        let start = bytes.count
        bytes.append(contentsOf: utf8)
        // Room past the text to read and write 8 bytes at once; 0 is no word byte.
        bytes.append(contentsOf: [0, 0, 0, 0, 0, 0, 0, 0] as [UInt8])
        let end = bytes.withUnsafeMutableBufferPointer { buffer in
            // Words are written over the text as it is read: they never take more bytes.
            var end = start, read = start
            let textEnd = start + utf8.count
            while read < textEnd {
                let lanes = ByteLanes.load(UnsafeBufferPointer(buffer), at: read, padding: 0)
                let wordLength = ByteLanes.leading(ByteLanes.letters(lanes) | ByteLanes.digits(lanes))
                if wordLength == 0 {
                    read += 1
                    continue
                }
                // Nearly every word: under 8 bytes, ended by a byte that is no apostrophe.
                if wordLength < 8, ByteLanes.lane(wordLength, of: lanes) != UInt8(ascii: "'") {
                    let word = (lanes | ByteLanes.repeated(0x20)) & ByteLanes.mask(below: wordLength)
                    let target = UnsafeMutableRawPointer(buffer.baseAddress! + end)
                    let kept = target.loadUnaligned(as: UInt64.self) & ~ByteLanes.mask(below: wordLength)
                    target.storeBytes(of: kept | word, as: UInt64.self)
                    distinct.insert(Span(start: end, count: wordLength, head: word.byteSwapped), in: UnsafeBufferPointer(buffer))
                    end += wordLength
                    read += wordLength
                    continue
                }
                let wordStart = end
                while read < textEnd {
                    let byte = buffer[read]
                    // Lowercase for a letter, and a digit as it is.
                    let lower = byte | 0x20
                    if lower &- 0x61 < 26 || byte &- 0x30 < 10 {
                        buffer[end] = lower
                        end += 1
                    } else if byte != UInt8(ascii: "'") {
                        break
                    }
                    read += 1
                }
                distinct.insert(Span(start: wordStart, end: end, in: UnsafeBufferPointer(buffer)), in: UnsafeBufferPointer(buffer))
            }
            return end
        }
        bytes.removeLast(bytes.count - end)
    }

    /// Appends one word, already split, to `bytes`, and adds it to `distinct`.
    private static func append(word: some Collection<UInt8>, to bytes: inout [UInt8], _ distinct: inout Distinct) {
        bytes.append(contentsOf: word)
        bytes.withUnsafeBufferPointer { distinct.insert(Span(start: $0.count - word.count, end: $0.count, in: $0), in: $0) }
    }
}
