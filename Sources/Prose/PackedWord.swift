import HandbookCore

/// A short word of letters as the readability count reads it, eight bytes at once
/// (``ByteLanes``): where it ends, whether it is letters alone, and its vowels take a few
/// integer operations for the whole word instead of several branches for each letter.
package struct PackedWord {
    /// The lowercase letters, the first in the lowest lane; lanes past the word are 0.
    package let letters: UInt64
    /// The number of letters, 1 to 7.
    package let count: Int
    /// The punctuation mark right after the letters (`,` `.` `)` …), or 0.
    package let mark: UInt8

    /// The bytes the word takes in the text, its mark included.
    package var length: Int { mark == 0 ? count : count + 1 }

    /// The word at `start` of text, if it is 1 to 7 letters, and perhaps one punctuation
    /// mark that is not a word character, followed by whitespace or the end; nil for anything
    /// else, which the byte-by-byte path counts.
    @inline(__always) package init?(_ text: UnsafeBufferPointer<UInt8>, at start: Int) {
        let bytes = ByteLanes.load(text, at: start, padding: 0x20)
        let spaces = ByteLanes.whitespace(bytes)
        guard spaces != 0 else { return nil }
        var count = spaces.trailingZeroBitCount >> 3
        let others = ~ByteLanes.letters(bytes) & ByteLanes.below(lane: count)
        mark = others == 0 ? 0 : ByteLanes.lane(count - 1, of: bytes)
        if mark != 0 {
            // Only the last byte, ASCII, and not a word character.
            guard count > 1, others == 0x80 << (8 * UInt64(count - 1)), mark < 0x80,
                  !Readability.isWordCharacter(mark) else { return nil }
            count -= 1
        }
        letters = (bytes | ByteLanes.repeated(0x20)) & ByteLanes.mask(below: count)
        self.count = count
    }

    /// Lane `index`'s letter; 0 outside the word, as before its first letter.
    @inline(__always) package func letter(_ index: Int) -> UInt8 {
        ByteLanes.lane(index, of: letters)
    }

    /// The high bit of each lane holding `letter`.
    @inline(__always) package func lanes(equalTo letter: UInt8) -> UInt64 {
        ByteLanes.equal(letters, letter)
    }
}
