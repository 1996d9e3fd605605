import HandbookCore
import Loading
import Prose

/// What rendering takes from the site's settings: the values of `{{name}}` placeholders and
/// the site's own syllable counts.
package struct RenderSettings: Sendable {
    package var placeholders = Placeholders()
    package var syllables = SiteSyllables()

    package init() {}

    package init(_ config: SiteConfig) {
        placeholders = Placeholders(config.emergency.placeholders)
        syllables = config.syllables
    }
}
