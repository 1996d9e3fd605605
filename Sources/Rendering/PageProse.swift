import Prose
#if canImport(Glibc)
import Glibc
#endif

/// A page's running text as plain words: its paragraphs, list items and table rows, one
/// after the other in one buffer of UTF-8, which the readability count and the search
/// index read in place. Every page of every build is read by both, so the text is made once,
/// not once per block and reader.
package struct PageProse: Sendable {
    /// Every block's text.
    private(set) var bytes: [UInt8] = []
    /// The blocks, in reading order.
    private(set) var blocks: [ProseBlock] = []

    /// Adds a paragraph as a block whose words end in sentence punctuation: a list item or
    /// table cell ends a sentence even when its author left the full stop out. A paragraph
    /// without words adds nothing.
    /// - Parameters:
    ///   - line: The file line where the paragraph starts.
    ///   - write: Appends the paragraph's plain text to the buffer it is given. A pipe table
    ///     still arrives as one paragraph here, so each cell becomes a sentence of its own.
    package mutating func append(line: Int, text write: (inout [UInt8]) -> Void) {
        let start = bytes.count
        write(&bytes)
        // Kept as it is, nearly every paragraph's text needs no second copy.
        if !bytes.withUnsafeBufferPointer({ Self.isKeptWhole(UnsafeBufferPointer(rebasing: $0[start...])) }) {
            let sentences = bytes.withUnsafeBufferPointer { Self.sentences(of: UnsafeBufferPointer(rebasing: $0[start...])) }
            bytes.removeLast(bytes.count - start)
            bytes += sentences
        }
        if bytes.count > start { blocks.append(ProseBlock(line: line, range: start..<bytes.count)) }
    }

    /// Whether a paragraph's text is its block's text unchanged: one cell, nothing to trim,
    /// words, and a sentence end. Every paragraph of every page comes here: its first letter
    /// nearly always shows it has words, and `memchr` looks for a cell border many bytes at
    /// a time.
    private static func isKeptWhole(_ text: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let first = text.first, let last = text.last, !isSpace(first), Readability.isSentenceEnd(last) else { return false }
        return hasWords(text) && memchr(text.baseAddress!, Int32(UInt8(ascii: "|")), text.count) == nil
    }

    /// A paragraph's cells, split at `|`, as sentences joined by spaces.
    private static func sentences(of utf8: UnsafeBufferPointer<UInt8>) -> [UInt8] {
        var text: [UInt8] = []
        text.reserveCapacity(utf8.count + 8)
        var cellStart = 0
        for cellEnd in utf8.indices where utf8[cellEnd] == UInt8(ascii: "|") || cellEnd == utf8.count - 1 {
            let end = utf8[cellEnd] == UInt8(ascii: "|") ? cellEnd : cellEnd + 1
            appendSentence(UnsafeBufferPointer(rebasing: utf8[cellStart..<end]), to: &text)
            cellStart = cellEnd + 1
        }
        return text
    }

    /// Appends a cell's text, its spaces trimmed, as a sentence; nothing when it has no words.
    private static func appendSentence(_ cell: UnsafeBufferPointer<UInt8>, to text: inout [UInt8]) {
        guard let first = cell.firstIndex(where: { !isSpace($0) }), let last = cell.lastIndex(where: { !isSpace($0) }) else { return }
        let sentence = UnsafeBufferPointer(rebasing: cell[first...last])
        guard hasWords(sentence) else { return }
        if !text.isEmpty { text.append(UInt8(ascii: " ")) }
        text.append(contentsOf: sentence)
        if !Readability.isSentenceEnd(sentence[sentence.count - 1]) { text.append(UInt8(ascii: ".")) }
    }

    private static func isSpace(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x09
    }

    /// Whether text holds a letter or digit; ASCII, nearly all text, is judged by its bytes.
    private static func hasWords(_ text: UnsafeBufferPointer<UInt8>) -> Bool {
        if text.contains(where: { $0 &- 0x30 < 10 || ($0 | 0x20) &- 0x61 < 26 }) { return true }
        return text.contains { $0 >= 0x80 } && String(decoding: text, as: UTF8.self).contains { $0.isLetter || $0.isNumber }
    }
}

/// One paragraph, list item or table row of running text: where it is in the file, and
/// where its words are in ``PageProse/bytes``.
package struct ProseBlock: Sendable, Equatable {
    /// 1-based file line where the block starts.
    package var line: Int
    package var range: Range<Int>
}
