extension StringProtocol {
    /// The text without spaces and tabs at either end.
    package var trimmingSpaces: String {
        let text = Substring(self), bytes = text.utf8
        let isSpace = { (byte: UInt8) in byte == 0x20 || byte == 0x09 }
        guard let first = bytes.firstIndex(where: { !isSpace($0) }), let last = bytes.lastIndex(where: { !isSpace($0) }) else { return "" }
        return String(text[first..<bytes.index(after: last)])
    }
}
