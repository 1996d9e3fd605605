#if canImport(Glibc)
import Glibc
#endif

extension SearchWords {
    /// The distinct words of a set being made, found by hashing (most words of a page
    /// repeat), then sorted.
    package struct Distinct {
        /// The words added, in the order first added.
        private var spans: [Span] = []
        /// At most half full. A slot holds its word's head and length, so that most lookups
        /// are decided in the slot, without a second load.
        private var slots: [Slot]

        private struct Slot {
            package var head: UInt64 = 0
            package var count: Int32 = 0
            /// -1 where free, else an index into `spans`.
            package var index: Int32 = -1
        }

        /// Room for `capacity` words before growing.
        package init(capacity: Int) {
            spans.reserveCapacity(capacity)
            slots = Array(repeating: Slot(), count: max(16, 2 * capacity).nextPowerOfTwo)
        }

        /// Adds a word unless an equal one is in.
        /// - Returns: The word's place in the order words were first added, and whether it is new.
        package mutating func insert(_ span: Span, in bytes: UnsafeBufferPointer<UInt8>) -> (index: Int, isNew: Bool) {
            let mask = slots.count - 1
            var slot = self.slot(of: span)
            while slots[slot].index >= 0 {
                if slots[slot].head == span.head, Int(slots[slot].count) == span.count {
                    let index = Int(slots[slot].index)
                    guard span.count > 8 else { return (index, false) }
                    let other = spans[index]
                    if memcmp(bytes.baseAddress! + other.start + 8, bytes.baseAddress! + span.start + 8, span.count - 8) == 0 { return (index, false) }
                }
                slot = (slot + 1) & mask
            }
            let index = spans.count
            slots[slot] = Slot(head: span.head, count: Int32(span.count), index: Int32(index))
            spans.append(span)
            if spans.count * 2 > slots.count { grow() }
            return (index, true)
        }

        /// Adds a word of 8 bytes or fewer unless an equal one is in: its head alone tells it
        /// apart, so its bytes need not be written yet.
        package mutating func insert(short span: Span) -> (index: Int, isNew: Bool) {
            insert(span, in: UnsafeBufferPointer(start: nil, count: 0))
        }

        /// The words in ``SearchWords/order(_:_:_:_:)``.
        package mutating func sortedSpans(in bytes: UnsafeBufferPointer<UInt8>) -> [Span] {
            spans.withUnsafeMutableBufferPointer { Self.sort($0, byte: 0, in: bytes) }
            return spans
        }

        /// Fibonacci hashing: the top bits of the product, which every bit of the word sways.
        private func slot(of span: Span) -> Int {
            let bits = UInt64(slots.count.trailingZeroBitCount)
            return Int(truncatingIfNeeded: ((span.head ^ UInt64(span.count)) &* 0x9E37_79B9_7F4A_7C15) &>> (64 - bits))
        }

        /// Puts a word known to be new in the first free slot from its own.
        private mutating func place(_ span: Span, index: Int) {
            var slot = slot(of: span)
            while slots[slot].index >= 0 { slot = (slot + 1) & (slots.count - 1) }
            slots[slot] = Slot(head: span.head, count: Int32(span.count), index: Int32(index))
        }

        private mutating func grow() {
            slots = Array(repeating: Slot(), count: slots.count * 2)
            for index in spans.indices { place(spans[index], index: index) }
        }

        /// Sorts words that agree before byte `byte` where they are, needing no buffer: moved
        /// into buckets by that byte (an American flag sort), each bucket then sorted by the
        /// next byte, or by insertion once small. A page's few hundred words make small buckets.
        private static func sort(_ spans: UnsafeMutableBufferPointer<Span>, byte: Int, in bytes: UnsafeBufferPointer<UInt8>) {
            guard spans.count > 32 else { return insertionSort(spans, in: bytes) }
            guard byte < 8 else {
                // Many words alike in their first 8 bytes, which the packed head can't tell apart.
                var spans = spans
                return spans.sort { SearchWords.order($0, bytes, $1, bytes) < 0 }
            }
            let bucket = { (span: Span) in Int(truncatingIfNeeded: span.head >> UInt64(56 - 8 * byte)) & 0xFF }
            withUnsafeTemporaryAllocation(of: Int32.self, capacity: 256) { ends in
                withUnsafeTemporaryAllocation(of: Int32.self, capacity: 256) { next in
                    ends.initialize(repeating: 0)
                    for span in spans { ends[bucket(span)] += 1 }
                    var total: Int32 = 0
                    for index in 0..<256 {
                        next[index] = total
                        total += ends[index]
                        ends[index] = total
                    }
                    // Buckets before `home` are full by the time it is filled, so whatever
                    // lies in its free part belongs to a later bucket.
                    for home in 0..<256 {
                        while next[home] < ends[home] {
                            let index = Int(next[home])
                            let other = bucket(spans[index])
                            if other != home { spans.swapAt(index, Int(next[other])) }
                            next[other] += 1
                        }
                    }
                    var start = 0
                    for end in ends {
                        sort(UnsafeMutableBufferPointer(rebasing: spans[start..<Int(end)]), byte: byte + 1, in: bytes)
                        start = Int(end)
                    }
                }
            }
        }

        private static func insertionSort(_ spans: UnsafeMutableBufferPointer<Span>, in bytes: UnsafeBufferPointer<UInt8>) {
            for index in spans.indices.dropFirst() {
                let span = spans[index]
                var place = index
                while place > 0, SearchWords.order(spans[place - 1], bytes, span, bytes) > 0 {
                    spans[place] = spans[place - 1]
                    place -= 1
                }
                spans[place] = span
            }
        }
    }
}

extension Int {
    /// The smallest power of two at least this large.
    package var nextPowerOfTwo: Int { self <= 1 ? 1 : 1 << (Int.bitWidth - (self - 1).leadingZeroBitCount) }
}
