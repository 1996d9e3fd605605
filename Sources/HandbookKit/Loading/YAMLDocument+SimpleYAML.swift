extension YAMLDocument {
    /// ``decodeWithKeyLines(_:schema:)`` for front matter, trying ``SimpleYAML`` first: it gives
    /// the same value and key lines for the common subset without Yams, and declines the rest.
    /// - Parameter schema: The keys allowed and required.
    /// - Returns: The value, or nil with the diagnostics that explain why, and each top-level key's file line.
    func decodeFrontMatter(schema: FrontMatterSchema) -> (FrontMatter?, [Diagnostic], [String: Int]) {
        if let (value, lines) = decodeSimple(schema: schema) { return (value, [], lines) }
        return decodeWithKeyLines(FrontMatter.self, schema: schema)
    }

    /// The ``SimpleYAML`` path alone; nil when it declines.
    func decodeSimple(schema: FrontMatterSchema) -> (FrontMatter, [String: Int])? {
        guard let entries = SimpleYAML.parse(yaml), let value = FrontMatter(entries, schema: schema) else { return nil }
        var lines: [String: Int] = [:]
        lines.reserveCapacity(entries.count)
        for entry in entries { lines[entry.key] = entry.line + firstLine - 1 }
        return (value, lines)
    }
}
