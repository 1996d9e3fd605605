import HandbookCore

extension YAMLDocument {
    /// ``decodeWithKeyLines(_:schema:)`` for front matter, trying ``SimpleYAML`` first: it gives
    /// the same value and key lines for the common subset without Yams, and declines the rest.
    /// - Parameter schema: The keys allowed and required.
    /// - Returns: The value, or nil with the diagnostics that explain why, and each top-level key's file line.
    package func decodeFrontMatter(schema: FrontMatterSchema) -> (FrontMatter?, [Diagnostic], [String: Int]) {
        if let (value, lines) = decodeSimple(FrontMatter.self, schema: schema) { return (value, [], lines) }
        return decodeWithKeyLines(FrontMatter.self, schema: schema)
    }

    /// ``decode(_:schema:)`` for `handbook.yml`, trying ``SimpleYAML`` first as
    /// ``decodeFrontMatter(schema:)`` does.
    package func decodeConfig() -> (SiteConfig?, [Diagnostic]) {
        if let (value, _) = decodeSimple(SiteConfig.self, schema: .config) { return (value, []) }
        return decode(SiteConfig.self, schema: .config)
    }

    /// The ``SimpleYAML`` path alone; nil when it declines.
    /// - Parameter schema: The keys allowed and required, as ``decode(_:schema:)`` checks them.
    package func decodeSimple<T: SimpleFieldsDecodable>(_ type: T.Type, schema: FrontMatterSchema) -> (T, [String: Int])? {
        guard let entries = SimpleYAML.parse(yaml), let fields = SimpleFields(entries, schema: schema),
              let value = try? T(fields)
        else { return nil }
        var lines: [String: Int] = [:]
        lines.reserveCapacity(entries.count)
        for entry in entries { lines[entry.key] = entry.line + firstLine - 1 }
        return (value, lines)
    }
}
