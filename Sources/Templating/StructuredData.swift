import Loading
import Rendering

/// JSON-LD for a page's `<script type="application/ld+json">`, built from front matter:
/// a schema.org `MedicalWebPage` for patients on every article (its `mainEntity` an
/// `ExercisePlan` on exercise pages) and a `WebSite` on the home page. Encoded by
/// ``ScriptJSON``'s rules, so no value can end the script element.
package enum StructuredData {
    /// A JSON value; objects encode with sorted keys, so output is deterministic. Not
    /// `indirect`: arrays and members are references already, and a box for every value
    /// was an allocation for every string of every page's JSON-LD.
    package enum Value: Equatable {
        case string(String)
        case number(Int)
        case array([Value])
        case object(Members)
    }

    /// An object's members, kept in key order as they are set: every article page has
    /// JSON-LD, and hashing its keys into a dictionary, then sorting them to write it, cost
    /// more than the few comparisons of an insertion.
    package struct Members: Equatable, ExpressibleByDictionaryLiteral {
        private(set) var pairs: [(key: String, value: Value)] = []

        package init(dictionaryLiteral elements: (String, Value)...) {
            for (key, value) in elements { self[key] = value }
        }

        package subscript(key: String) -> Value? {
            get { pairs.first { $0.key == key }?.value }
            set {
                let index = pairs.firstIndex { $0.key >= key } ?? pairs.endIndex
                let found = index < pairs.endIndex && pairs[index].key == key
                switch (found, newValue) {
                case (true, let value?): pairs[index].value = value
                case (true, nil): pairs.remove(at: index)
                case (false, let value?): pairs.insert((key, value), at: index)
                case (false, nil): break
                }
            }
        }

        package static func == (lhs: Members, rhs: Members) -> Bool {
            lhs.pairs.elementsEqual(rhs.pairs) { $0.key == $1.key && $0.value == $1.value }
        }
    }

    package static let context = Value.string("https://schema.org")
    /// schema.org's own examples name the patient audience by this URL.
    package static let patient = Value.string("https://schema.org/Patient")

    /// The JSON-LD of an article, section or exercise page.
    /// - Parameters:
    ///   - rendered: The page.
    ///   - config: The site settings: language, site name and the condition the pages are about.
    ///   - url: The page's absolute URL, when `base_url` is set.
    /// - Returns: Script-safe JSON text.
    package static func page(_ rendered: RenderedPage, config: SiteConfig, url: String?) -> String {
        pageValue(rendered, config: config, url: url).scriptJSON
    }

    /// The JSON-LD of a page before encoding.
    package static func pageValue(_ rendered: RenderedPage, config: SiteConfig, url: String?) -> Value {
        let matter = rendered.page.frontMatter
        var page = webPage(title: matter.title, description: matter.summary, config: config, url: url)
        if let reviewed = matter.reviewed { page["lastReviewed"] = .string(reviewed.description) }
        let citations = (matter.sources ?? []).map(SourceCitation.init).map { source -> Value in
            var work: Members = ["@type": .string("CreativeWork"), "name": .string(source.title)]
            if let url = source.url, url.unicodeScalars.allSatisfy(isURLCharacter) { work["url"] = .string(url) }
            return .object(work)
        }
        if !citations.isEmpty { page["citation"] = .array(citations) }
        if let exercise = matter.exercise { page["mainEntity"] = exercisePlan(exercise, title: matter.title, summary: matter.summary) }
        return .object(page)
    }

    /// A `MedicalWebPage` with what every page shares.
    package static func webPage(title: String, description: String?, config: SiteConfig, url: String?) -> Members {
        var page: Members = [
            "@context": context,
            "@type": .string("MedicalWebPage"),
            "name": .string(title),
            "inLanguage": .string(config.language),
            "audience": patient,
            "isPartOf": .object(["@type": .string("WebSite"), "name": .string(config.title)]),
        ]
        if let description, !description.isEmpty { page["description"] = .string(description) }
        if let condition = config.condition { page["about"] = .object(["@type": .string("MedicalCondition"), "name": .string(condition)]) }
        if let url { page["url"] = .string(url) }
        return page
    }

    /// Whether a character may appear in a URL unencoded (RFC 3986): a source whose URL
    /// holds quotes or spaces is cited by its title alone, as search engines would reject it.
    package static func isURLCharacter(_ scalar: Unicode.Scalar) -> Bool {
        // Among ASCII characters only the letters are alphabetic: compared as ranges, without
        // looking up Unicode properties for every character of every URL.
        scalar.isASCII && (("a"..."z").contains(scalar) || ("A"..."Z").contains(scalar) || ("0"..."9").contains(scalar)
            || "-._~:/?#[]@!$&'()*+,;=%".unicodeScalars.contains(scalar))
    }

    /// The home page's JSON-LD: the handbook as a `WebSite`.
    package static func website(config: SiteConfig, url: String?) -> String {
        var site: Members = [
            "@context": context,
            "@type": .string("WebSite"),
            "name": .string(config.title),
            "description": .string(config.description),
            "inLanguage": .string(config.language),
        ]
        if let url { site["url"] = .string(url) }
        return Value.object(site).scriptJSON
    }

    /// An exercise's front matter as a schema.org `ExercisePlan`.
    package static func exercisePlan(_ exercise: Exercise, title: String, summary: String?) -> Value {
        var plan: Members = [
            "@type": .string("ExercisePlan"),
            "name": .string(title),
            "exerciseType": .string(exercise.type.title),
            "intensity": .string(exercise.level.rawValue),
            "audience": patient,
        ]
        if let summary { plan["description"] = .string(summary) }
        if let reps = exercise.reps, reps > 0 { plan["repetitions"] = .number(reps) }
        if let frequency = exercise.frequency { plan["activityFrequency"] = .string(frequency) }
        if let hold = exercise.holdSeconds, hold > 0 { plan["additionalVariable"] = .string("Hold for \(hold) seconds") }
        if !exercise.targets.isEmpty {
            plan["associatedAnatomy"] = .array(exercise.targets.map {
                .object(["@type": .string("AnatomicalStructure"), "name": .string($0)])
            })
        }
        return .object(plan)
    }
}
