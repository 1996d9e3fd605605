/// One editorial rule: reads the linked site, reports what breaks it. Rules never change
/// the site, so they run in any order and the results are sorted afterwards.
protocol CheckRule: Sendable {
    /// The rule's id, as used in diagnostics and in `handbook.yml`'s `rules:`.
    var id: Rule { get }
    /// How serious a finding is unless `handbook.yml` says otherwise.
    var defaultSeverity: Diagnostic.Severity { get }
    /// Everything this rule finds.
    func findings(in site: LinkedSite, context: CheckContext) -> [Finding]
}

/// A problem a rule found, before the configured severity is applied.
struct Finding: Equatable {
    var file: String
    var line: Int
    var column: Int = 1
    var message: String
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
let allCheckRules: [any CheckRule] = [
    ReadabilityRule(), SentenceLengthRule(), SummaryRule(), ReviewedRule(), ReviewDueRule(), SourcesRule(),
    ExerciseSafetyRule(), AltTextRule(), HeadingsRule(), CoverageRule(), DuplicateTitleRule(),
]

extension LinkedSite {
    /// Runs every content rule with the severities `handbook.yml` sets.
    /// - Parameter context: Today's date and other inputs from outside the site.
    /// - Returns: Diagnostics; rules set to `off` report nothing.
    public func checked(_ context: CheckContext) -> [Diagnostic] {
        checked(context, rules: allCheckRules)
    }

    /// Runs some of the rules, as ``checked(_:)`` runs them all (the preview server's
    /// incremental build checks one page at a time with the rules that read one page).
    func checked(_ context: CheckContext, rules: [any CheckRule]) -> [Diagnostic] {
        let levels = site.config.rules
        return rules.flatMap { rule -> [Diagnostic] in
            let level = levels[rule.id] ?? RuleLevel(rule.defaultSeverity)
            guard let severity = level.severity else { return [] }
            return rule.findings(in: self, context: context).map {
                Diagnostic(file: $0.file, line: $0.line, column: $0.column, severity: severity, rule: rule.id, message: $0.message)
            }
        }
    }

    /// Pages that rules read: every built page, section intros included, in reading order.
    var checkedPages: [RenderedPage] {
        readingOrder.compactMap { page($0) }
    }
}

/// A rule's configured level in `handbook.yml`: `error`, `warning` or `off`.
public enum RuleLevel: String, Sendable, CaseIterable, ClosedSet {
    case error, warning, off

    init(_ severity: Diagnostic.Severity) {
        self = severity == .error ? .error : .warning
    }

    var severity: Diagnostic.Severity? {
        switch self {
        case .error: .error
        case .warning: .warning
        case .off: nil
        }
    }
}
