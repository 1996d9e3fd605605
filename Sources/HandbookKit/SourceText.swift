/// Converts cmark's byte columns into the Unicode-scalar columns that ``Diagnostic`` uses.
///
/// Built once per Markdown body; only lines that actually carry a diagnostic are decoded.
struct SourceText: Sendable {
    private let bytes: [UInt8]
    private let lineStarts: [Int]

    init(_ text: String) {
        bytes = Array(text.utf8)
        var starts = [0]
        for (offset, byte) in bytes.enumerated() where byte == UInt8(ascii: "\n") {
            starts.append(offset + 1)
        }
        lineStarts = starts
    }

    /// The scalar column of a 1-based byte column on a 1-based line of this text.
    func column(line: Int, byteColumn: Int) -> Int {
        guard line >= 1, line <= lineStarts.count, byteColumn > 1 else { return max(byteColumn, 1) }
        let start = lineStarts[line - 1]
        let end = min(start + byteColumn - 1, bytes.count)
        // Count scalar starts: every byte that is not a UTF-8 continuation byte.
        return bytes[start..<end].reduce(1) { $0 + ($1 & 0xC0 == 0x80 ? 0 : 1) }
    }
}
