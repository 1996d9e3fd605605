/// Whether a `sources:` entry ends in a well-formed http(s) URL: what
/// `SourceCitation(entry).hasWellFormedURL` says, without Foundation's string searching,
/// which made the `sources` rule the slowest content rule.
///
/// ASCII entries, nearly all of them, are read as bytes: there, Foundation's search for
/// " - ", its trimming of `.whitespaces` (space and tab) and the Character tests on the host
/// all act on single bytes. Any other entry goes through ``SourceCitation``.
func citesWellFormedURL(_ entry: String) -> Bool {
    guard entry.utf8.allSatisfy({ $0 < 0x80 }) else { return SourceCitation(entry).hasWellFormedURL }
    let bytes = Array(entry.utf8)
    // The URL follows the last " - ".
    var separator = bytes.count - 3
    while separator >= 0, !(bytes[separator] == 0x20 && bytes[separator + 1] == 0x2D && bytes[separator + 2] == 0x20) {
        separator -= 1
    }
    guard separator >= 0 else { return false }
    var start = separator + 3, end = bytes.count
    while start < end, bytes[start] == 0x20 || bytes[start] == 0x09 { start += 1 }
    while end > start, bytes[end - 1] == 0x20 || bytes[end - 1] == 0x09 { end -= 1 }
    let url = bytes[start..<end]
    guard url.starts(with: "https://".utf8) || url.starts(with: "http://".utf8) else { return false }
    // The host runs from "://" to the first `/`, `?` or `#`.
    let schemeEnd = url.firstIndex(of: UInt8(ascii: ":"))! + 3
    let hostEnd = url[schemeEnd...].firstIndex { $0 == UInt8(ascii: "/") || $0 == UInt8(ascii: "?") || $0 == UInt8(ascii: "#") } ?? url.endIndex
    let host = url[schemeEnd..<hostEnd]
    return host.contains(UInt8(ascii: ".")) && host.first != UInt8(ascii: ".") && host.last != UInt8(ascii: ".")
        && !url.contains(0x20)
}
