
extension Readability {
    /// A stand-in for any character that is a letter or a number but not ASCII.
    package static let otherLetter: UInt8 = 0x80
    /// A stand-in for any other character that is not ASCII: punctuation, symbols.
    package static let otherSymbol: UInt8 = 0x81

    /// Replaces `units` with the text lowercased, one byte per character: ASCII characters as
    /// themselves, curly apostrophes as `'` (smart punctuation turned the author's ASCII ones
    /// curly; textstat reads source text), any other whitespace as a space, and the rest as
    /// ``otherLetter`` or ``otherSymbol``. Counting these bytes gives what counting the
    /// characters with `Character`'s properties would. One buffer serves every block of a page.
    package static func units(of text: String, into units: inout [UInt8]) {
        var text = text
        text.withUTF8 { Self.units(of: $0, into: &units) }
    }

    /// ``units(of:into:)`` for text as UTF-8, read where it lies.
    package static func units(of utf8: UnsafeBufferPointer<UInt8>, into units: inout [UInt8]) {
        units.removeAll(keepingCapacity: true)
        units.append(contentsOf: utf8)
        let isASCII = units.withUnsafeMutableBufferPointer { units in
            var all: UInt8 = 0
            for index in units.indices {
                let unit = units[index]
                all |= unit
                units[index] = unit &- 65 < 26 ? unit + 32 : unit
            }
            return all < 0x80
        }
        guard !isASCII else { return }
        units.removeAll(keepingCapacity: true)
        units += String(decoding: utf8, as: UTF8.self).lowercased().lazy.map { character in
            if character == "\u{2019}" || character == "\u{2018}" { return UInt8(ascii: "'") }
            if let ascii = character.asciiValue { return ascii }
            if character.isWhitespace { return UInt8(ascii: " ") }
            return character.isLetter || character.isNumber ? otherLetter : otherSymbol
        }
    }

    @inline(__always) package static func isWhitespace(_ unit: UInt8) -> Bool {
        unit == 0x20 || unit &- 0x09 < 5
    }

    /// Letters, digits, `_` and non-ASCII letters: what starts a sentence and makes a word.
    package static func isWordCharacter(_ unit: UInt8) -> Bool {
        unit &- 0x61 < 26 || unit &- 0x30 < 10 || unit == 0x5F || unit == otherLetter
    }

    package static func isSentenceEnd(_ unit: UInt8) -> Bool {
        unit == 0x2E || unit == 0x21 || unit == 0x3F
    }

    /// Whether the apostrophe at `position` starts a contraction's ending: 't, 's, 'd, 've, 'll, 're.
    static func isContraction(_ units: UnsafeMutableBufferPointer<UInt8>, after position: Int) -> Bool {
        guard position + 1 < units.count else { return false }
        let first = units[position + 1]
        if first == UInt8(ascii: "t") || first == UInt8(ascii: "s") || first == UInt8(ascii: "d") { return true }
        guard position + 2 < units.count else { return false }
        switch (first, units[position + 2]) {
        case (UInt8(ascii: "v"), UInt8(ascii: "e")), (UInt8(ascii: "l"), UInt8(ascii: "l")), (UInt8(ascii: "r"), UInt8(ascii: "e")): return true
        default: return false
        }
    }

    static func isLetter(_ unit: UInt8) -> Bool {
        unit &- 0x61 < 26
    }

    /// An ASCII capital as its small letter; any other byte as it is.
    @inline(__always) package static func lowercased(_ unit: UInt8) -> UInt8 {
        unit &- 0x41 < 26 ? unit | 0x20 : unit
    }

    /// a, e, i, o, u and y as bits of their offset from `a`.
    static let vowelBits: UInt32 = 1 << 0 | 1 << 4 | 1 << 8 | 1 << 14 | 1 << 20 | 1 << 24

    static func isVowelLetter(_ letter: UInt8) -> Bool {
        isLetter(letter) && vowelBits >> UInt32(letter &- 0x61) & 1 != 0
    }
}
