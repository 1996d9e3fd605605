import HandbookCore
import Rendering
import Linking

/// One editorial rule: reads the linked site, reports what breaks it. Rules never change
/// the site, so they run in any order and the results are sorted afterwards.
package protocol CheckRule: Sendable {
    /// The rule's id, as used in diagnostics and in `handbook.yml`'s `rules:`.
    var id: Rule { get }
    /// How serious a finding is unless `handbook.yml` says otherwise.
    var defaultSeverity: Diagnostic.Severity { get }
    /// Everything this rule finds.
    func findings(in site: LinkedSite, context: CheckContext) -> [Finding]
}

/// A rule whose findings on a page depend on that page, the settings and the context only.
/// ``LinkedSite/checked(_:)`` fetches each page once and runs every such rule on it, in
/// parallel slices of the site.
package protocol PageRule: CheckRule {
    /// What this rule finds on one page (usually nothing, which allocates nothing).
    func findings(on page: RenderedPage, in site: LinkedSite, context: CheckContext) -> [Finding]
}

extension PageRule {
    package func findings(in site: LinkedSite, context: CheckContext) -> [Finding] {
        site.checkedPages.flatMap { findings(on: $0, in: site, context: context) }
    }
}

/// A problem a rule found, before the configured severity is applied.
package struct Finding: Equatable {
    package var file: String
    package var line: Int
    package var column: Int = 1
    package var message: String
}

/// What rules may depend on besides the site: the settings and "today", passed in so
/// checks never read the clock themselves.
public struct CheckContext: Sendable {
    /// The date `review-due` compares `next_review` with; nil skips that rule.
    public var today: Day?

    public init(today: Day? = nil) {
        self.today = today
    }
}

/// Every rule, in a fixed order.
package let allCheckRules: [any CheckRule] = [
    ReadabilityRule(), SentenceLengthRule(), SummaryRule(), ReviewedRule(), ReviewerRule(), ReviewDueRule(), SourcesRule(),
    ExerciseSafetyRule(), AltTextRule(), HeadingsRule(), CoverageRule(), DuplicateTitleRule(),
]

