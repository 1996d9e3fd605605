import Prose
import HandbookCore

extension SiteConfig: SimpleFieldsDecodable {
    /// Yams' first decode compiles its tag patterns, a few milliseconds that every build
    /// waited for before it could read a page; `handbook.yml` nearly always fits the subset.
    package init(_ fields: SimpleFields) throws {
        self.init(
            title: try fields.text("title"), description: try fields.text("description"), language: try fields.text("language"),
            baseURL: try fields.optional("base_url", fields.text), condition: try fields.optional("condition", fields.text),
            emergency: try Self.emergency(fields.mapping("emergency")))
        if let url = baseURL {
            guard let normalized = Self.normalizedBaseURL(url) else { throw SimpleFields.Unsupported() }
            baseURL = normalized
        }
        maxGrade = try fields.optional("max_grade", fields.decimal) ?? 8
        var counts: [String: Int] = [:]
        for pair in try fields.optional("syllables", fields.pairs) ?? [] {
            guard let count = Int(pair.text), count > 0 else { throw SimpleFields.Unsupported() }
            counts[pair.key] = count
        }
        syllables = SiteSyllables(counts)
        for pair in try fields.optional("rules", fields.pairs) ?? [] {
            guard let rule = Rule(rawValue: pair.key), let level = RuleLevel(rawValue: pair.text) else { throw SimpleFields.Unsupported() }
            rules[rule] = level
        }
    }

    /// Anything missing or empty is left to Yams, which reports it at its line.
    private static func emergency(_ fields: SimpleFields) throws -> EmergencySettings {
        let settings = EmergencySettings(number: try fields.text("number"), urgent: try fields.text("urgent"), note: try fields.text("note"))
        guard settings.emptyField == nil else { throw SimpleFields.Unsupported() }
        return settings
    }
}
