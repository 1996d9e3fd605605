/// `Content/handbook.yml`: the site's settings.
public struct SiteConfig: Sendable, Equatable, Decodable {
    public var title: String
    public var description: String
    /// BCP 47 language tag for `<html lang>`.
    public var language: String
    /// Absolute URL of the published site, used only for `sitemap.xml`, canonical links and
    /// the 404 page; every other link stays relative.
    public var baseURL: String?

    enum CodingKeys: String, CodingKey, CaseIterable {
        case title, description, language
        case baseURL = "base_url"
    }

    /// Creates settings in code.
    public init(title: String, description: String, language: String = "en", baseURL: String? = nil) {
        self.title = title
        self.description = description
        self.language = language
        self.baseURL = baseURL
    }

    public init(from decoder: Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        title = try container.decode(String.self, forKey: .title)
        description = try container.decode(String.self, forKey: .description)
        language = try container.decode(String.self, forKey: .language)
        baseURL = try container.decodeIfPresent(String.self, forKey: .baseURL)
        if let url = baseURL {
            guard url.hasPrefix("https://") || url.hasPrefix("http://") else {
                throw FieldError(codingPath: container.codingPath + [CodingKeys.baseURL], rule: .config,
                                 message: Message.baseURL(url))
            }
            // Trailing slash once, so "\(base)path" never doubles or drops it.
            baseURL = url.hasSuffix("/") ? url : url + "/"
        }
    }
}
