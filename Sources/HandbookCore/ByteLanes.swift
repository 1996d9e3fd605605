/// Eight bytes of text as the lanes of one `UInt64` (SWAR: SIMD within a register), the
/// first byte in the lowest lane. A test on all eight lanes at once sets the high bit of
/// each lane that passes: the tokenizers of the readability count and the search index read
/// every word of every page, and most words are decided by one such test instead of one
/// branch per byte.
// Public, not `package`: Swift 6.3 does not inline `@inlinable package` code into other
// modules, and these run per word in Prose and Loading.
public enum ByteLanes {
    public static let high: UInt64 = 0x8080_8080_8080_8080
    public static let low: UInt64 = 0x7F7F_7F7F_7F7F_7F7F

    /// Whether every byte is below 0x80, read eight at a time.
    @inlinable public static func isASCII(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        let raw = UnsafeRawBufferPointer(bytes)
        var seen: UInt64 = 0
        var offset = 0
        while offset + 8 <= raw.count {
            seen |= raw.loadUnaligned(fromByteOffset: offset, as: UInt64.self)
            offset += 8
        }
        while offset < raw.count {
            seen |= UInt64(raw[offset])
            offset += 1
        }
        return seen & high == 0
    }

    /// `byte` in every lane.
    @inlinable @inline(__always) public static func repeated(_ byte: UInt8) -> UInt64 {
        0x0101_0101_0101_0101 &* UInt64(byte)
    }

    /// 8 bytes from `start`, read at once where the text has them, else padded with `padding`.
    @inlinable @inline(__always) public static func load(_ text: UnsafeBufferPointer<UInt8>, at start: Int, padding: UInt8) -> UInt64 {
        if start + 8 <= text.count {
            return UInt64(littleEndian: UnsafeRawPointer(text.baseAddress! + start).loadUnaligned(as: UInt64.self))
        }
        var lanes = repeated(padding)
        for offset in 0..<(text.count - start) {
            let shift = 8 * UInt64(offset)
            lanes = lanes & ~(0xFF << shift) | UInt64(text[start + offset]) << shift
        }
        return lanes
    }

    /// The high bits of the lanes below lane `count` (0 to 8).
    @inlinable @inline(__always) public static func below(lane count: Int) -> UInt64 {
        count >= 8 ? high : high & ((1 << (8 * UInt64(count))) - 1)
    }

    /// The lanes below lane `count` (0 to 8), all bits set.
    @inlinable @inline(__always) public static func mask(below count: Int) -> UInt64 {
        below(lane: count) >> 7 &* 0xFF
    }

    /// The number of lanes, from the first, whose high bit is set in `lanes`.
    @inlinable @inline(__always) public static func leading(_ lanes: UInt64) -> Int {
        (~lanes & high).trailingZeroBitCount >> 3
    }

    /// Lane `index` of `lanes`; 0 outside 0 to 7.
    @inlinable @inline(__always) public static func lane(_ index: Int, of lanes: UInt64) -> UInt8 {
        index < 0 || index > 7 ? 0 : UInt8(truncatingIfNeeded: lanes >> (8 * UInt64(index)))
    }

    /// Lanes equal to `byte`.
    @inlinable @inline(__always) public static func equal(_ lanes: UInt64, _ byte: UInt8) -> UInt64 {
        let difference = lanes ^ repeated(byte)
        return ~(((difference & low) &+ low) | difference) & high
    }

    /// Lanes below `limit` (at most 0x80). A lane's low seven bits plus 0x80 − limit carry
    /// into its high bit when they are `limit` or more, and never into the next lane.
    @inlinable @inline(__always) public static func below(_ lanes: UInt64, _ limit: UInt8) -> UInt64 {
        ~((lanes & low) &+ repeated(0x80 - limit)) & ~lanes & high
    }

    /// Lanes from `first` to `last`, both at most 0x7F.
    @inlinable @inline(__always) public static func within(_ lanes: UInt64, _ first: UInt8, _ last: UInt8) -> UInt64 {
        below(lanes, last + 1) & ~below(lanes, first)
    }

    /// Space, tab, line feed, vertical tab, form feed and carriage return.
    @inlinable @inline(__always) public static func whitespace(_ lanes: UInt64) -> UInt64 {
        equal(lanes, 0x20) | within(lanes, 0x09, 0x0D)
    }

    /// ASCII letters of either case: setting bit 0x20 makes capitals small, and no other
    /// byte a letter.
    @inlinable @inline(__always) public static func letters(_ lanes: UInt64) -> UInt64 {
        within(lanes | repeated(0x20), 0x61, 0x7A)
    }

    @inlinable @inline(__always) public static func digits(_ lanes: UInt64) -> UInt64 {
        within(lanes, 0x30, 0x39)
    }
}
