import Prose
import HandbookCore

/// `Content/handbook.yml`: the site's settings.
public struct SiteConfig: Sendable, Equatable, Decodable {
    public var title: String
    public var description: String
    /// BCP 47 language tag for `<html lang>`.
    public var language: String
    /// Absolute URL of the published site, used only for `sitemap.xml`, canonical links and
    /// the 404 page; every other link stays relative.
    public var baseURL: String?
    /// The condition the handbook is about, such as "Pinched nerve (radiculopathy)": the
    /// `about` of every page's structured data when set.
    public var condition: String?
    /// Severity overrides for content rules: `rules: {readability: error, headings: off}`.
    public var rules: [Rule: RuleLevel] = [:]
    /// The highest Flesch-Kincaid grade the `readability` rule accepts.
    public var maxGrade: Double = 8
    /// Where readers get help: required, since a handbook for patients must say it.
    public var emergency: EmergencySettings
    /// The site's own syllable counts, for words the general table lacks: `syllables: {pregabalin: 4}`.
    public var syllables = SiteSyllables()

    package enum CodingKeys: String, CodingKey, CaseIterable {
        case title, description, language
        case baseURL = "base_url"
        case condition
        case rules
        case maxGrade = "max_grade"
        case emergency
        case syllables
    }

    /// Creates settings in code.
    public init(title: String, description: String, language: String = "en", baseURL: String? = nil, condition: String? = nil,
                emergency: EmergencySettings) {
        self.emergency = emergency
        self.title = title
        self.description = description
        self.language = language
        self.baseURL = baseURL
        self.condition = condition
    }

    public init(from decoder: Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        title = try container.decode(String.self, forKey: .title)
        description = try container.decode(String.self, forKey: .description)
        language = try container.decode(String.self, forKey: .language)
        baseURL = try container.decodeIfPresent(String.self, forKey: .baseURL)
        condition = try container.decodeIfPresent(String.self, forKey: .condition)
        if let url = baseURL {
            guard let normalized = Self.normalizedBaseURL(url) else {
                throw FieldError(codingPath: container.codingPath + [CodingKeys.baseURL], rule: .config,
                                 message: Message.baseURL(url))
            }
            baseURL = normalized
        }
        maxGrade = try container.decodeIfPresent(Double.self, forKey: .maxGrade) ?? 8
        emergency = try Self.decodeEmergency(container)
        let counts = try container.decodeIfPresent([String: Int].self, forKey: .syllables) ?? [:]
        if let (word, count) = counts.first(where: { $0.value < 1 }) {
            throw FieldError(codingPath: container.codingPath + [CodingKeys.syllables], rule: .config,
                             message: Message.badSyllableCount(word, count))
        }
        syllables = SiteSyllables(counts)
        for (name, level) in try container.decodeIfPresent([String: RuleLevel].self, forKey: .rules) ?? [:] {
            guard let rule = Rule(rawValue: name) else {
                let known = Rule.allCases.map(\.rawValue)
                throw FieldError(codingPath: container.codingPath + [CodingKeys.rules], rule: .config,
                                 message: Message.unknownRule(name, suggestion: closestMatch(to: name, in: known)))
            }
            rules[rule] = level
        }
    }

    /// `url` ending in one slash, so "\(base)path" never doubles or drops it; nil unless it is
    /// an `http` or `https` URL.
    package static func normalizedBaseURL(_ url: String) -> String? {
        guard url.hasPrefix("https://") || url.hasPrefix("http://") else { return nil }
        return url.hasSuffix("/") ? url : url + "/"
    }

    private static func decodeEmergency(_ container: KeyedDecodingContainer<CodingKeys>) throws -> EmergencySettings {
        let path = container.codingPath + [CodingKeys.emergency]
        guard container.contains(.emergency) else {
            throw FieldError(codingPath: path, rule: .config, message: Message.emergencyMissing)
        }
        let fields = try container.nestedContainer(keyedBy: EmergencySettings.CodingKeys.self, forKey: .emergency)
        func text(_ key: EmergencySettings.CodingKeys) throws -> String {
            try fields.decodeIfPresent(String.self, forKey: key) ?? ""
        }
        let settings = EmergencySettings(number: try text(.number), urgent: try text(.urgent), note: try text(.note))
        if let empty = settings.emptyField {
            throw FieldError(codingPath: path + [empty], rule: .config, message: Message.emergencyEmpty(empty.rawValue))
        }
        return settings
    }
}
