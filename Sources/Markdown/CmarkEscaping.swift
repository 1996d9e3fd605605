import HandbookCore

/// The escaping of cmark's HTML renderer (`houdini`), for ``CmarkDocument/bodyHTML(sizeHint:)``,
/// which must write the bytes cmark writes. Templates escape by ``HTMLEscaping``.
package enum CmarkEscaping {
    /// Appends text as cmark escapes element content and attribute values: `&`, `<`, `>`
    /// and `"`, but not `'`.
    package static func appendText(_ text: UnsafeBufferPointer<UInt8>, to output: inout [UInt8]) {
        HTMLEscaping.append(escaping: text, to: &output, apostrophes: false)
    }

    /// Appends a link's or image's URL as cmark writes it in safe mode: nothing for a
    /// scheme that can run code, otherwise percent-encoded but for the characters URLs
    /// use, with `&` and `'` as entities.
    package static func appendURL(_ url: some Collection<UInt8>, to output: inout [UInt8]) {
        guard !isDangerous(url) else { return }
        if url.withContiguousStorageIfAvailable({ appendURL(bytes: $0, to: &output) }) == nil {
            Array(url).withUnsafeBufferPointer { appendURL(bytes: $0, to: &output) }
        }
    }

    /// Copies each run of bytes that need no escaping at once: every link of every page, and
    /// of print.html, comes here, and most URLs are one such run.
    private static func appendURL(bytes url: UnsafeBufferPointer<UInt8>, to output: inout [UInt8]) {
        // Read once: a lazy global is checked on every read, and every URL byte reads it.
        let isSafe = isSafeInHref
        var start = 0
        for index in url.indices {
            let byte = url[index]
            if byte < 0x80 && isSafe[Int(byte)] { continue }
            output.append(contentsOf: UnsafeBufferPointer(rebasing: url[start..<index]))
            start = index + 1
            if byte == UInt8(ascii: "&") {
                output += "&amp;".utf8
            } else if byte == UInt8(ascii: "'") {
                output += "&#x27;".utf8
            } else {
                output += [UInt8(ascii: "%"), hexDigit(byte >> 4), hexDigit(byte & 0xF)]
            }
        }
        output.append(contentsOf: UnsafeBufferPointer(rebasing: url[start...]))
    }

    private static func hexDigit(_ value: UInt8) -> UInt8 {
        value < 10 ? UInt8(ascii: "0") + value : UInt8(ascii: "A") + value - 10
    }

    /// ASCII bytes written as they are: letters, digits and `-_.+!*(),%#@?=;:/$~`.
    private static let isSafeInHref: [Bool] = (0..<128).map { byte in
        let scalar = Unicode.Scalar(UInt8(byte))
        return ("a"..."z").contains(scalar) || ("A"..."Z").contains(scalar) || ("0"..."9").contains(scalar)
            || "-_.+!*(),%#@?=;:/$~".unicodeScalars.contains(scalar)
    }

    /// cmark's `scan_dangerous_url`: `javascript:`, `vbscript:`, `file:` and `data:` in any
    /// case, but for `data:` images in PNG, GIF, JPEG or WebP.
    package static func isDangerous(_ url: some Collection<UInt8>) -> Bool {
        // Nearly every URL is ruled out by its first letter.
        guard let first = url.first, "jvfdJVFD".utf8.contains(first) else { return false }
        let lowered = url.prefix(16).map { $0 &- 65 < 26 ? $0 + 32 : $0 }
        func starts(_ prefix: String) -> Bool { lowered.starts(with: prefix.utf8) }
        if starts("data:image/png") || starts("data:image/gif") || starts("data:image/jpeg") || starts("data:image/webp") {
            return false
        }
        return starts("javascript:") || starts("vbscript:") || starts("file:") || starts("data:")
    }
}
