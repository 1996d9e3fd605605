import HandbookCore

extension SearchWords {
    /// A set of words being gathered, split from text or handed over one at a time, each
    /// distinct word written once into one buffer.
    package struct Builder: ProseWords {
        /// The distinct words end to end up to `end`, then room to read and write 8 bytes at once.
        private var bytes: [UInt8]
        private var end = 0
        private var distinct: Distinct

        /// Room for the words of `byteCount` bytes of text: a word never takes more bytes than
        /// the text it is split from, bar a rare letter whose lower case is longer.
        /// - Parameter words: How many distinct words to expect; by default, as many as a
        ///   page's prose has, about one to every 16 bytes.
        package init(byteCount: Int, words: Int? = nil) {
            bytes = Array(repeating: 0, count: byteCount + 8)
            distinct = Distinct(capacity: words ?? byteCount / 16)
        }

        /// The words' bytes and their spans, sorted.
        package consuming func finished() -> (bytes: [UInt8], spans: [Span]) {
            bytes.removeLast(bytes.count - end)
            let spans = bytes.withUnsafeBufferPointer { distinct.sortedSpans(in: $0) }
            return (bytes, spans)
        }

        /// Adds a word the readability count has read: split, lowercased and packed already.
        package mutating func add(packed letters: UInt64, count: Int) -> Int? {
            // A word of 8 bytes or fewer is told apart by its head alone, so it is written
            // out only when new: most words of a page are not.
            let span = Span(start: end, count: count, head: letters.byteSwapped)
            let (index, isNew) = distinct.insert(short: span)
            guard isNew else { return index }
            makeRoom(8)
            bytes.withUnsafeMutableBytes { $0.storeBytes(of: letters.littleEndian, toByteOffset: end, as: UInt64.self) }
            end += count
            return index
        }

        /// Adds a longer word the readability count has read, split and lowercased already.
        package mutating func add(letters word: UnsafeBufferPointer<UInt8>) -> Int? {
            add(word: word)
        }

        /// Adds a word already split.
        /// - Returns: The word's place among the distinct words, in the order they came.
        @discardableResult package mutating func add(word: UnsafeBufferPointer<UInt8>) -> Int {
            makeRoom(word.count + 8)
            return bytes.withUnsafeMutableBufferPointer { buffer in
                _ = UnsafeMutableBufferPointer(rebasing: buffer[end..<(end + word.count)]).initialize(fromContentsOf: word)
                let span = Span(start: end, end: end + word.count, in: UnsafeBufferPointer(buffer))
                let (index, isNew) = distinct.insert(span, in: UnsafeBufferPointer(buffer))
                if isNew { end += word.count }
                return index
            }
        }

        /// Adds a text's words. ASCII text, nearly all, is split here, lowercased and
        /// apostrophes dropped, as ``SearchTokens/words(_:)`` would split it.
        package mutating func add(text utf8: UnsafeBufferPointer<UInt8>) {
            guard ByteLanes.isASCII(utf8) else {
                for var word in SearchTokens.words(String(decoding: utf8, as: UTF8.self)) { word.withUTF8 { add(word: $0) } }
                return
            }
            makeRoom(utf8.count + 8)
            bytes.withUnsafeMutableBufferPointer { buffer in
                // Words are written over the text as it is read: they never take more bytes.
                var read = end
                let textEnd = end + utf8.count
                UnsafeMutableBufferPointer(rebasing: buffer[read..<textEnd]).initialize(from: utf8)
                // 0 is no word byte: the last word can be read 8 bytes at once.
                UnsafeMutableBufferPointer(rebasing: buffer[textEnd..<(textEnd + 8)]).initialize(repeating: 0)
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
                        if distinct.insert(Span(start: end, count: wordLength, head: word.byteSwapped), in: UnsafeBufferPointer(buffer)).isNew {
                            end += wordLength
                        }
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
                    let span = Span(start: wordStart, end: end, in: UnsafeBufferPointer(buffer))
                    if !distinct.insert(span, in: UnsafeBufferPointer(buffer)).isNew { end = wordStart }
                }
            }
        }

        /// Makes sure `count` bytes fit after the words, growing by at least half when they don't.
        private mutating func makeRoom(_ count: Int) {
            let missing = end + count - bytes.count
            if missing > 0 { bytes += repeatElement(0, count: max(missing, bytes.count / 2)) }
        }
    }
}
