/// One paragraph, list item or table row of running text, as plain words.
public struct ProseBlock: Sendable, Equatable {
    /// 1-based file line where the block starts.
    public var line: Int
    /// The block's words, ending in sentence punctuation: a list item or table cell ends a
    /// sentence even when its author left the full stop out.
    public var text: String

    /// Makes a block from a paragraph's text; nil when it has no words.
    /// - Parameters:
    ///   - line: The file line.
    ///   - markdownText: The paragraph's plain text. A pipe table still arrives as one
    ///     paragraph here, so each cell becomes a sentence of its own.
    public init?(line: Int, markdownText: String) {
        self.line = line
        var markdownText = markdownText
        // Kept as it is, nearly every paragraph's text shares the paragraph's storage.
        if markdownText.withUTF8(Self.isKeptWhole) {
            text = markdownText
            return
        }
        let text = markdownText.withUTF8 { utf8 in
            var text: [UInt8] = []
            text.reserveCapacity(utf8.count + 8)
            var cellStart = 0
            for cellEnd in utf8.indices where utf8[cellEnd] == UInt8(ascii: "|") || cellEnd == utf8.count - 1 {
                let end = utf8[cellEnd] == UInt8(ascii: "|") ? cellEnd : cellEnd + 1
                Self.appendSentence(UnsafeBufferPointer(rebasing: utf8[cellStart..<end]), to: &text)
                cellStart = cellEnd + 1
            }
            return text
        }
        guard !text.isEmpty else { return nil }
        self.text = String(decoding: text, as: UTF8.self)
    }

    /// Whether a paragraph's text is its block's text unchanged: one cell, nothing to trim,
    /// words, and a sentence end.
    private static func isKeptWhole(_ text: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let first = text.first, let last = text.last, !isSpace(first), Readability.isSentenceEnd(last) else { return false }
        return !text.contains(UInt8(ascii: "|")) && hasWords(text)
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
