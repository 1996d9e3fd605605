import HandbookCore
import Linking

/// `coverage`: every topic in `topics.yml` is covered by some page's `covers:`, and every
/// `covers:` id exists. Ids are stable, so a typo is caught rather than silently uncovered.
package struct CoverageRule: CheckRule {
    package let id = Rule.coverage
    package let defaultSeverity = Diagnostic.Severity.error

    package func findings(in site: LinkedSite, context: CheckContext) -> [Finding] {
        let topics = site.site.topics
        guard !topics.isEmpty else { return [] }
        let known = Set(topics.map(\.id))
        let ids = topics.map(\.id)
        var covered: Set<String> = []
        var found: [Finding] = []
        for source in site.readingOrder {
            // One field, not the whole page: copying a rendered page costs more than the rule.
            guard let covers = site.page(source)?.page.frontMatter.covers else { continue }
            for id in covers {
                covered.insert(id)
                if !known.contains(id) {
                    let page = site.page(source)!.page
                    found.append(Finding(file: page.file, line: page.line(of: "covers"),
                                         message: Message.unknownTopic(id, suggestion: closestMatch(to: id, in: ids))))
                }
            }
        }
        for topic in topics where !covered.contains(topic.id) {
            found.append(Finding(file: topic.file, line: topic.line, message: Message.uncoveredTopic(topic.id)))
        }
        return found
    }
}
