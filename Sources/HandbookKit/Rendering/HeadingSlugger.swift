/// Makes heading ids the way GitHub does, so authors can guess them: lowercase,
/// punctuation dropped, spaces to hyphens, and repeats suffixed `-1`, `-2`, …
struct HeadingSlugger {
    private var used: Set<String> = []

    /// The id for the next heading with this text.
    mutating func id(for text: String) -> String {
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
    static func slug(_ text: String) -> String {
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
