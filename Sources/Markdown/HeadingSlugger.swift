
/// Makes heading ids the way GitHub does, so authors can guess them: lowercase,
/// punctuation dropped, spaces to hyphens, and repeats suffixed `-1`, `-2`, …
package struct HeadingSlugger {
    package init() {}

    private var used: Set<String> = []

    /// The id for the next heading with this text.
    package mutating func id(for text: String) -> String {
        let base = Self.slug(text)
        var candidate = base
        var suffix = 0
        while used.contains(candidate) {
            suffix += 1
            candidate = "\(base)-\(suffix)"
        }
        used.insert(candidate)
        return candidate
    }

    /// The bare slug of a heading's text, before de-duplication.
    package static func slug(_ text: String) -> String {
        // ASCII, nearly every heading, by bytes: letters, digits, `-` and `_` stay, spaces
        // become hyphens, the rest goes; as the scalar rules below do for ASCII.
        if text.utf8.allSatisfy({ $0 < 0x80 }) {
            var bytes: [UInt8] = []
            bytes.reserveCapacity(text.utf8.count)
            for byte in text.utf8 {
                switch byte {
                case UInt8(ascii: "A")...UInt8(ascii: "Z"): bytes.append(byte + 0x20)
                case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"), UInt8(ascii: "_"): bytes.append(byte)
                case UInt8(ascii: " "): bytes.append(UInt8(ascii: "-"))
                default: continue
                }
            }
            return String(decoding: bytes, as: UTF8.self)
        }
        var slug = ""
        for scalar in text.lowercased().unicodeScalars {
            if scalar == " " {
                slug += "-"
            } else if scalar == "-" || scalar == "_" || scalar.properties.isAlphabetic
                || scalar.properties.numericType != nil || scalar.properties.generalCategory == .nonspacingMark {
                slug.unicodeScalars.append(scalar)
            }
        }
        return slug
    }
}
