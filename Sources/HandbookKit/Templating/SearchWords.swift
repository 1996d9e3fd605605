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

    /// Where a word is in `bytes`, with its first 16 bytes packed into integers, which
    /// compare in the words' byte order: nearly every word is that short.
    private struct Span {
        var start: Int
        var end: Int
        var head: UInt64 = 0
        var tail: UInt64 = 0

        init(start: Int, end: Int, in bytes: UnsafeBufferPointer<UInt8>) {
            self.start = start
            self.end = end
            // Bytes beyond the word are 0, below any byte of a word: a word sorts before
            // the longer words it starts.
            head = Self.packed(bytes, from: start, count: min(8, end - start))
            if end - start > 8 { tail = Self.packed(bytes, from: start + 8, count: min(8, end - start - 8)) }
        }

        var count: Int { end - start }

        /// Up to 8 bytes as a big-endian integer, low bytes 0.
        private static func packed(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int, count: Int) -> UInt64 {
            guard count < 8 else { return UInt64(bigEndian: UnsafeRawPointer(bytes.baseAddress! + start).loadUnaligned(as: UInt64.self)) }
            var value: UInt64 = 0
            for offset in 0..<count { value |= UInt64(bytes[start + offset]) << UInt64(56 - 8 * offset) }
            return value
        }
    }

    /// The words of texts, split as ``SearchIndex/words(_:)`` splits them.
    init(_ texts: some Sequence<String>, leavingOut stopWords: SearchWords? = nil) {
        var ends: [Int] = []
        bytes.reserveCapacity(texts.reduce(0) { $0 + $1.utf8.count })
        for text in texts { add(text, ends: &ends) }
        makeSpans(ends)
        if let stopWords {
            spans = bytes.withUnsafeBufferPointer { buffer in spans.filter { !stopWords.contains($0, in: buffer) } }
        }
    }

    /// The union of word sets.
    init(merging sets: [SearchWords]) {
        var ends: [Int] = []
        for set in sets {
            for span in set.spans {
                bytes.append(contentsOf: set.bytes[span.start..<span.end])
                ends.append(bytes.count)
            }
        }
        makeSpans(ends)
    }

    /// The words as strings, in order.
    var strings: [String] { spans.map { String(decoding: bytes[$0.start..<$0.end], as: UTF8.self) } }

    /// The words kept by `isKept`, in order, joined by spaces.
    func joined(where isKept: (_ index: Int) -> Bool) -> String {
        var joined: [UInt8] = []
        joined.reserveCapacity(bytes.count)
        for index in spans.indices where isKept(index) {
            if !joined.isEmpty { joined.append(UInt8(ascii: " ")) }
            joined += bytes[spans[index].start..<spans[index].end]
        }
        return String(decoding: joined, as: UTF8.self)
    }

    /// Whether the word after word `index` starts with it: in byte order, every word that
    /// starts with a word follows it directly.
    func nextStartsWith(_ index: Int) -> Bool {
        guard index + 1 < spans.count else { return false }
        return bytes.withUnsafeBufferPointer { Self.starts(spans[index + 1], in: $0, with: spans[index], in: $0) }
    }

    /// Whether a word of this set starts with word `index` of `other`, or equals it.
    func hasWord(startingWith index: Int, of other: SearchWords) -> Bool {
        let prefix = other.spans[index]
        return other.bytes.withUnsafeBufferPointer { prefixBytes in
            bytes.withUnsafeBufferPointer { buffer in
                let low = lowerBound(of: prefix, in: prefixBytes, buffer)
                return low < spans.count && Self.starts(spans[low], in: buffer, with: prefix, in: prefixBytes)
            }
        }
    }

    /// The number of characters of word `index`: its bytes, unless it holds other than ASCII.
    func characterCount(_ index: Int) -> Int {
        let word = bytes[spans[index].start..<spans[index].end]
        return word.allSatisfy { $0 < 0x80 } ? word.count : String(decoding: word, as: UTF8.self).count
    }

    private func contains(_ word: Span, in wordBytes: UnsafeBufferPointer<UInt8>) -> Bool {
        bytes.withUnsafeBufferPointer { buffer in
            let low = lowerBound(of: word, in: wordBytes, buffer)
            return low < spans.count && Self.order(spans[low], buffer, word, wordBytes) == 0
        }
    }

    private func lowerBound(of word: Span, in wordBytes: UnsafeBufferPointer<UInt8>, _ buffer: UnsafeBufferPointer<UInt8>) -> Int {
        var low = 0, high = spans.count
        while low < high {
            let middle = (low + high) / 2
            if Self.order(spans[middle], buffer, word, wordBytes) < 0 { low = middle + 1 } else { high = middle }
        }
        return low
    }

    /// UTF-8 byte order, shorter first where one word starts the other: all words that
    /// start with a prefix sit together just after the prefix's own place.
    private static func order(_ a: Span, _ aBytes: UnsafeBufferPointer<UInt8>, _ b: Span, _ bBytes: UnsafeBufferPointer<UInt8>) -> Int {
        if a.head != b.head { return a.head < b.head ? -1 : 1 }
        if a.tail != b.tail { return a.tail < b.tail ? -1 : 1 }
        guard a.count > 16 || b.count > 16 else { return 0 }
        let shared = min(a.count, b.count) - 16
        let order = shared <= 0 ? 0 : Int(memcmp(aBytes.baseAddress! + a.start + 16, bBytes.baseAddress! + b.start + 16, shared))
        return order != 0 ? order : a.count - b.count
    }

    private static func starts(_ word: Span, in wordBytes: UnsafeBufferPointer<UInt8>, with prefix: Span, in prefixBytes: UnsafeBufferPointer<UInt8>) -> Bool {
        word.count >= prefix.count && memcmp(wordBytes.baseAddress! + word.start, prefixBytes.baseAddress! + prefix.start, prefix.count) == 0
    }

    /// Appends a text's words to `bytes`, each word's end to `ends`.
    private mutating func add(_ text: String, ends: inout [Int]) {
        var text = text
        let isASCII = text.withUTF8 { utf8 in
            guard utf8.allSatisfy({ $0 < 0x80 }) else { return false }
            // Written in place: a text's words never take more bytes than the text.
            let start = bytes.count
            bytes.append(contentsOf: repeatElement(0, count: utf8.count))
            let end = bytes.withUnsafeMutableBufferPointer { output in
                var end = start
                for byte in utf8 {
                    switch byte {
                    case 0x61...0x7A, 0x30...0x39: output[end] = byte; end += 1
                    case 0x41...0x5A: output[end] = byte + 0x20; end += 1
                    case 0x27: continue
                    default: if end > (ends.last ?? 0) { ends.append(end) }
                    }
                }
                return end
            }
            if end > (ends.last ?? 0) { ends.append(end) }
            bytes.removeLast(bytes.count - end)
            return true
        }
        if !isASCII {
            for word in SearchIndex.words(text) {
                bytes.append(contentsOf: word.utf8)
                ends.append(bytes.count)
            }
        }
    }

    /// Makes the sorted, unique spans of the words ending at `ends`. Most words of a page
    /// repeat: they are dropped by hashing before the rest are sorted.
    private mutating func makeSpans(_ ends: [Int]) {
        spans = bytes.withUnsafeBufferPointer { buffer in
            var table = [Int32](repeating: -1, count: max(16, (ends.count * 2).nextPowerOfTwo))
            let mask = table.count - 1
            var unique: [Span] = []
            unique.reserveCapacity(ends.count)
            var start = 0
            for end in ends {
                let span = Span(start: start, end: end, in: buffer)
                start = end
                var slot = Int(truncatingIfNeeded: (span.head &* 0x9E37_79B9_7F4A_7C15 ^ span.tail &* 0xC2B2_AE3D_27D4_EB4F) >> 40) & mask
                while table[slot] >= 0, Self.order(unique[Int(table[slot])], buffer, span, buffer) != 0 { slot = (slot + 1) & mask }
                guard table[slot] < 0 else { continue }
                table[slot] = Int32(unique.count)
                unique.append(span)
            }
            unique.sort { Self.order($0, buffer, $1, buffer) < 0 }
            return unique
        }
    }
}

extension Int {
    /// The smallest power of two at least this large.
    fileprivate var nextPowerOfTwo: Int { self <= 1 ? 1 : 1 << (Int.bitWidth - (self - 1).leadingZeroBitCount) }
}
