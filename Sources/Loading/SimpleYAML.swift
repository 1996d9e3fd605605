
/// The plain subset of YAML that front matter is written in: `key: value` lines, one level of
/// nested mapping, block (`- item`) and one-line flow (`[a, b]`) sequences of scalars, and
/// whole-line comments. Yams' compose, tag resolution and `Codable` decoding cost about 10 % of
/// a build, and nearly every page fits this subset.
///
/// `parse` returns nil for anything outside the subset, and for anything in it whose meaning is
/// subtle (escapes, trailing comments, multi-line or null scalars, tabs, control characters), so
/// the caller falls back to Yams, which stays the only source of diagnostics.
package struct SimpleYAML {
    /// A scalar and whether it was written plain (unquoted), which decides how YAML types it.
    package struct Scalar: Equatable {
        package var text: String
        package var isPlain: Bool
    }

    package enum Value: Equatable {
        case scalar(Scalar)
        case list([Scalar])
        case mapping([Entry])
    }

    package struct Entry: Equatable {
        package var key: String
        /// The 1-based line of the key within the YAML text, as Yams marks it.
        package var line: Int
        package var value: Value
    }

    /// Reads a top-level mapping.
    /// - Parameter yaml: The YAML text.
    /// - Returns: The entries in file order, or nil when the text leaves the subset.
    package static func parse(_ yaml: String) -> [Entry]? {
        let bytes = Array(yaml.utf8)
        guard hasOnlyPlainCharacters(bytes) else { return nil }
        var reader = SimpleYAMLReader(lines: SimpleYAMLReader.contentLines(bytes))
        guard let entries = reader.mapping(indent: 0), !entries.isEmpty, reader.isAtEnd else { return nil }
        return entries
    }

    /// False for bytes YAML treats specially: controls other than `\n` (tabs and `\r` included),
    /// DEL, C1 controls with NEL, the Unicode line and paragraph separators, BOMs and non-characters.
    private static func hasOnlyPlainCharacters(_ bytes: [UInt8]) -> Bool {
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            // Printable ASCII and `\n`, nearly every byte, are plain: skip the cases below.
            if byte &- 0x20 < 0x5F || byte == 0x0A {
                index += 1
                continue
            }
            let next = index + 1 < bytes.count ? bytes[index + 1] : 0
            let third = index + 2 < bytes.count ? bytes[index + 2] : 0
            switch byte {
            case 0x0A: break
            case ..<0x20, 0x7F: return false
            case 0xC2 where next < 0xA0: return false
            case 0xE2 where next == 0x80 && (third == 0xA8 || third == 0xA9): return false
            case 0xEF where (next == 0xBB && third == 0xBF) || (next == 0xBF && third >= 0xBE): return false
            default: break
            }
            index += 1
        }
        return true
    }
}
