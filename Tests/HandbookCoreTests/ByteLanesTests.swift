import Testing
@testable import HandbookCore

/// ``ByteLanes`` against the plain byte-by-byte reading of each test, on every 8-byte window
/// of texts that hold every byte value, at every offset (so loads near the end pad).
@Suite struct ByteLanesTests {
    /// Every byte value, then words, spaces and punctuation, then a short tail.
    static let texts: [[UInt8]] = [
        Array(0...255), Array("Don't stretch—café, 10 s;\tit's\r\nfine. A-Z a-z 0-9 {}[]".utf8), Array("ab".utf8), [],
    ]

    /// Lanes whose byte passes `test`, as the high bit of each lane.
    static func reference(_ window: [UInt8], _ test: (UInt8) -> Bool) -> UInt64 {
        window.enumerated().reduce(0) { lanes, lane in test(lane.element) ? lanes | (0x80 << (8 * UInt64(lane.offset))) : lanes }
    }

    /// Each window of `text` as ``ByteLanes/load(_:at:padding:)`` reads it, and as bytes.
    static func windows(_ text: [UInt8], padding: UInt8) -> [(lanes: UInt64, bytes: [UInt8])] {
        text.withUnsafeBufferPointer { buffer in
            (0...text.count).map { start in
                let bytes = (0..<8).map { start + $0 < text.count ? text[start + $0] : padding }
                return (ByteLanes.load(buffer, at: start, padding: padding), bytes)
            }
        }
    }

    @Test func loadPacksTheFirstByteLowestAndPads() {
        for text in Self.texts {
            for (lanes, bytes) in Self.windows(text, padding: 0x20) {
                #expect((0..<8).map { ByteLanes.lane($0, of: lanes) } == bytes)
            }
        }
    }

    @Test func laneTestsAgreeWithByteTests() {
        for text in Self.texts {
            for (lanes, bytes) in Self.windows(text, padding: 0) {
                #expect(ByteLanes.whitespace(lanes) == Self.reference(bytes) { [0x20, 0x09, 0x0A, 0x0B, 0x0C, 0x0D].contains($0) })
                #expect(ByteLanes.letters(lanes) == Self.reference(bytes) { (0x41...0x5A).contains($0) || (0x61...0x7A).contains($0) })
                #expect(ByteLanes.digits(lanes) == Self.reference(bytes) { (0x30...0x39).contains($0) })
                for byte: UInt8 in [0, 0x20, 0x61, 0x7F, 0x80, 0xFF] {
                    #expect(ByteLanes.equal(lanes, byte) == Self.reference(bytes) { $0 == byte })
                }
                for limit: UInt8 in [1, 0x20, 0x41, 0x80] {
                    #expect(ByteLanes.below(lanes, limit) == Self.reference(bytes) { $0 < limit })
                }
                #expect(ByteLanes.within(lanes, 0x61, 0x7A) == Self.reference(bytes) { (0x61...0x7A).contains($0) })
            }
        }
    }

    @Test func isASCIIAgreesWithEveryByte() {
        for text in Self.texts {
            for start in 0...text.count {
                let part = Array(text[start...])
                let fast = part.withUnsafeBufferPointer(ByteLanes.isASCII)
                #expect(fast == part.allSatisfy { $0 < 0x80 })
            }
        }
    }

    @Test func masksCountLanes() {
        for count in 0...8 {
            let high = (0..<count).reduce(UInt64(0)) { $0 | (0x80 << (8 * UInt64($1))) }
            #expect(ByteLanes.below(lane: count) == high)
            #expect(ByteLanes.mask(below: count) == (count == 8 ? UInt64.max : (UInt64(1) << (8 * UInt64(count))) - 1))
            #expect(ByteLanes.leading(high | (count < 7 ? 0x80 << (8 * UInt64(count + 1)) : 0)) == count)
        }
    }
}
