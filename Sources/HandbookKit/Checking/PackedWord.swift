/// A short word of letters read eight bytes at a time, one byte per lane of a `UInt64`
/// (SWAR: SIMD within a register). Nearly every word of prose is one: finding where it ends,
/// whether it is letters alone, and its vowels then take a few integer operations for the
/// whole word instead of several branches for each of its letters, which the readability
/// count spent most of its time on.
struct PackedWord {
    /// The lowercase letters, the first in the lowest byte; bytes past the word are 0.
    let letters: UInt64
    /// The number of letters, 1 to 7.
    let count: Int
    /// The punctuation mark right after the letters (`,` `.` `)` …), or 0.
    let mark: UInt8

    /// The bytes the word takes in the text, its mark included.
    var length: Int { mark == 0 ? count : count + 1 }

    /// The word at `start` of text, if it is 1 to 7 letters, and perhaps one punctuation
    /// mark that is not a word character, followed by whitespace or the end; nil for anything
    /// else, which the byte-by-byte path counts.
    init?(_ text: UnsafeBufferPointer<UInt8>, at start: Int) {
        let bytes = Self.load(text, at: start)
        let spaces = Self.whitespace(bytes)
        guard spaces != 0 else { return nil }
        var count = spaces.trailingZeroBitCount >> 3
        let lower = bytes | Self.lanes(0x20)
        let others = ~Self.letter(lower) & Self.high & Self.lanes(below: count)
        mark = others == 0 ? 0 : UInt8(truncatingIfNeeded: bytes >> (8 * UInt64(count - 1)))
        if mark != 0 {
            // Only the last byte, and not a word character: Readability.isWordCharacter.
            guard count > 1, others == 0x80 << (8 * UInt64(count - 1)), mark < 0x80,
                  mark &- 0x30 >= 10, mark != UInt8(ascii: "_") else { return nil }
            count -= 1
        }
        letters = lower & (Self.lanes(below: count) >> 7 &* 0xFF)
        self.count = count
    }

    /// Lane `index`'s letter; 0 outside the word, as before its first letter.
    func letter(_ index: Int) -> UInt8 {
        index < 0 ? 0 : UInt8(truncatingIfNeeded: letters >> (8 * UInt64(index)))
    }

    /// The high bit of each lane holding `byte`.
    func lanes(equalTo byte: UInt8) -> UInt64 {
        let difference = letters ^ Self.lanes(byte)
        return ~(((difference & Self.low) &+ Self.low) | difference) & Self.high
    }

    /// 8 bytes from `start`, read at once where the text has them, else padded with spaces.
    private static func load(_ text: UnsafeBufferPointer<UInt8>, at start: Int) -> UInt64 {
        if start + 8 <= text.count {
            return UInt64(littleEndian: UnsafeRawPointer(text.baseAddress! + start).loadUnaligned(as: UInt64.self))
        }
        var bytes = lanes(0x20)
        for offset in 0..<(text.count - start) {
            let shift = 8 * UInt64(offset)
            bytes = bytes & ~(0xFF << shift) | UInt64(text[start + offset]) << shift
        }
        return bytes
    }

    static let high: UInt64 = 0x8080_8080_8080_8080
    static let low: UInt64 = 0x7F7F_7F7F_7F7F_7F7F

    static func lanes(_ byte: UInt8) -> UInt64 {
        0x0101_0101_0101_0101 &* UInt64(byte)
    }

    /// The high bits of the lanes below lane `count` (0 to 7).
    private static func lanes(below count: Int) -> UInt64 {
        high & ((1 << (8 * UInt64(count))) - 1)
    }

    /// The high bit of each lane whose byte is below `limit` (at most 0x80). A lane's low
    /// seven bits plus 0x80 − limit carry into its high bit when they are limit or more, and
    /// never into the next lane.
    private static func lanes(_ bytes: UInt64, below limit: UInt8) -> UInt64 {
        ~((bytes & low) &+ lanes(0x80 - limit)) & ~bytes & high
    }

    /// Space, tab, line feed, vertical tab, form feed and carriage return, as
    /// ``Readability/isWhitespace(_:)`` tells them.
    private static func whitespace(_ bytes: UInt64) -> UInt64 {
        let space = lanes(bytes, below: 0x21) & ~lanes(bytes, below: 0x20)
        return space | lanes(bytes, below: 0x0E) & ~lanes(bytes, below: 0x09)
    }

    /// `a` to `z`, in lanes already lowercased by setting bit 0x20.
    private static func letter(_ lower: UInt64) -> UInt64 {
        lanes(lower, below: 0x7B) & ~lanes(lower, below: 0x61) & ~lower
    }
}
