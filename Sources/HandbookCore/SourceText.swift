#if canImport(Glibc)
import Glibc
#endif

/// Converts cmark's byte columns into the Unicode-scalar columns that ``Diagnostic`` uses.
///
/// Reads the text in place, from the last line it was asked about: cmark's nodes come in
/// document order, so a page's lines are passed once, with no copy and no index of lines.
package struct SourceText {
    private var text: String
    /// The 1-based line last asked about, and the offset where it starts.
    private var line = 1
    private var lineStart = 0

    package init(_ text: String) {
        self.text = text
    }

    /// The scalar column of a 1-based byte column on a 1-based line of this text.
    package mutating func column(line target: Int, byteColumn: Int) -> Int {
        guard target >= 1, byteColumn > 1 else { return max(byteColumn, 1) }
        var (line, start) = target < self.line ? (1, 0) : (self.line, lineStart)
        defer { (self.line, lineStart) = (line, start) }
        return text.withUTF8 { bytes in
            while line < target {
                // memchr reads many bytes at a time: every link of every page comes here.
                guard start < bytes.count, let newline = memchr(bytes.baseAddress! + start, Int32(UInt8(ascii: "\n")), bytes.count - start) else {
                    return byteColumn
                }
                (line, start) = (line + 1, bytes.baseAddress!.distance(to: newline.assumingMemoryBound(to: UInt8.self)) + 1)
            }
            let end = min(start + byteColumn - 1, bytes.count)
            // Count scalar starts: every byte that is not a UTF-8 continuation byte.
            return bytes[start..<end].reduce(1) { $0 + ($1 & 0xC0 == 0x80 ? 0 : 1) }
        }
    }
}
