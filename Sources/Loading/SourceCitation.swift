import Foundation

/// A `sources:` entry, "Title - https://url", split on its last " - " (titles may contain one).
package struct SourceCitation: Equatable {
    package var title: String
    /// Only http(s) URLs become links; anything else is shown as text.
    package var url: String?

    package init(_ entry: String) {
        self = Self.asciiCitation(entry) ?? Self.unicodeCitation(entry)
    }

    /// The split by Foundation's rules: the last " - " by a backwards search, the URL trimmed
    /// of `.whitespaces`.
    package static func unicodeCitation(_ entry: String) -> SourceCitation {
        guard let separator = entry.range(of: " - ", options: .backwards) else { return SourceCitation(title: entry, url: nil) }
        let candidate = entry[separator.upperBound...].trimmingCharacters(in: .whitespaces)
        guard candidate.hasPrefix("https://") || candidate.hasPrefix("http://") else { return SourceCitation(title: entry, url: nil) }
        return SourceCitation(title: String(entry[..<separator.lowerBound]), url: candidate)
    }

    /// The same split for an all-ASCII entry, on bytes: every page's sources are split
    /// three times (page, JSON-LD, print), and Foundation's search and trimming were most of
    /// that. Nil for other entries, where Unicode rules could differ from byte rules.
    package static func asciiCitation(_ entry: String) -> SourceCitation? {
        var entry = entry
        return entry.withUTF8 { bytes -> SourceCitation? in
            guard bytes.allSatisfy({ $0 < 0x80 }) else { return nil }
            func text(_ range: Range<Int>) -> String { String(decoding: UnsafeBufferPointer(rebasing: bytes[range]), as: UTF8.self) }
            // The last " - ", as a backwards search finds it.
            guard let split = stride(from: bytes.count - 3, through: 0, by: -1).first(where: {
                bytes[$0] == 0x20 && bytes[$0 + 1] == UInt8(ascii: "-") && bytes[$0 + 2] == 0x20
            }) else { return SourceCitation(title: text(0..<bytes.count), url: nil) }
            // `.whitespaces` holds only the space and the tab among ASCII characters.
            var start = split + 3, end = bytes.count
            while start < end, bytes[start] == 0x20 || bytes[start] == 0x09 { start += 1 }
            while end > start, bytes[end - 1] == 0x20 || bytes[end - 1] == 0x09 { end -= 1 }
            let url = text(start..<end)
            guard url.hasPrefix("https://") || url.hasPrefix("http://") else { return SourceCitation(title: text(0..<bytes.count), url: nil) }
            return SourceCitation(title: text(0..<split), url: url)
        }
    }

    private init(title: String, url: String?) {
        self.title = title
        self.url = url
    }

    /// Whether the URL has a host with a dot and no spaces: enough to catch a missing or
    /// mangled link without a network request.
    /// ASCII URLs, nearly all, are read as bytes: the `sources` rule asks this of every entry.
    package var hasWellFormedURL: Bool {
        guard let url else { return false }
        guard url.utf8.allSatisfy({ $0 < 0x80 }) else {
            guard let schemeEnd = url.range(of: "://") else { return false }
            let host = url[schemeEnd.upperBound...].prefix { $0 != "/" && $0 != "?" && $0 != "#" }
            return host.contains(".") && !host.hasPrefix(".") && !host.hasSuffix(".") && !url.contains(" ")
        }
        // Only URLs starting `http://` or `https://` are kept, so the host follows the first `:`.
        let bytes = Array(url.utf8)
        guard let colon = bytes.firstIndex(of: UInt8(ascii: ":")) else { return false }
        let host = bytes[(colon + 3)...].prefix { $0 != UInt8(ascii: "/") && $0 != UInt8(ascii: "?") && $0 != UInt8(ascii: "#") }
        return host.contains(UInt8(ascii: ".")) && host.first != UInt8(ascii: ".") && host.last != UInt8(ascii: ".")
            && !bytes.contains(0x20)
    }
}
