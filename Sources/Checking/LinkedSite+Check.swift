import HandbookCore
import Loading
import Rendering
import Linking
#if canImport(Glibc)
import Glibc
#endif

extension LinkedSite {
    /// Runs every content rule with the severities `handbook.yml` sets.
    /// - Parameter context: Today's date and other inputs from outside the site.
    /// - Returns: Diagnostics, in no particular order (callers sort them); rules set to `off`
    ///   report nothing.
    public func checked(_ context: CheckContext) async -> [Diagnostic] {
        await checked(context, rules: allCheckRules)
    }

    /// Runs some of the rules, as ``checked(_:)`` runs them all (the preview server's
    /// incremental build runs the site-wide rules alone).
    ///
    /// Rules that read one page at a time run on slices of the reading order in parallel;
    /// the others read the whole site once.
    package func checked(_ context: CheckContext, rules: [any CheckRule]) async -> [Diagnostic] {
        let active = rules.compactMap { rule in severity(of: rule).map { (rule, $0) } }
        let perPage = active.filter { CheckScope.pageRules.contains($0.0.id) }
        let whole = active.filter { !CheckScope.pageRules.contains($0.0.id) }
        let order = readingOrder
        let cores = max(1, Int(sysconf(Int32(_SC_NPROCESSORS_ONLN))))
        let size = max(64, (order.count + cores * 4 - 1) / (cores * 4))
        let slices = stride(from: 0, to: order.count, by: size).map { $0..<min($0 + size, order.count) }
        // The site-wide rules run beside the slices, filling the gaps they leave on the cores.
        async let wholeSite = whole.flatMap { rule, severity in
            rule.findings(in: self, context: context).map { $0.diagnostic(rule.id, severity) }
        }
        let diagnostics = await slices.concurrentMap { range in
            self.diagnostics(ofPages: Array(order[range]), rules: perPage, context: context)
        }.flatMap { $0 }
        return diagnostics + (await wholeSite)
    }

    /// The diagnostics of the rules that read one page at a time, on some pages.
    /// - Parameters:
    ///   - sources: The pages, in reading order.
    ///   - rules: Rules of ``CheckCache/pageRules``, each with its configured severity.
    ///   - context: Today's date and other inputs.
    package func diagnostics(ofPages sources: [String], rules: [(any CheckRule, Diagnostic.Severity)], context: CheckContext) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        var others: [(any CheckRule, Diagnostic.Severity)] = []
        var pageRules: [(any PageRule, Diagnostic.Severity)] = []
        for (rule, severity) in rules {
            if let rule = rule as? any PageRule { pageRules.append((rule, severity)) } else { others.append((rule, severity)) }
        }
        let pages = sources.compactMap { page($0) }
        for page in pages {
            for (rule, severity) in pageRules {
                for finding in rule.findings(on: page, in: self, context: context) {
                    diagnostics.append(finding.diagnostic(rule.id, severity))
                }
            }
        }
        guard !others.isEmpty else { return diagnostics }
        // Rules outside this folder read `checkedPages`: this slice of it.
        var slice = self
        slice.readingOrder = sources
        for (rule, severity) in others {
            diagnostics += rule.findings(in: slice, context: context).map { $0.diagnostic(rule.id, severity) }
        }
        return diagnostics
    }

    /// The severity `handbook.yml` gives a rule; nil when it is `off`.
    package func severity(of rule: any CheckRule) -> Diagnostic.Severity? {
        (site.config.rules[rule.id] ?? RuleLevel(rule.defaultSeverity)).severity
    }

    /// Pages that rules read: every built page, section intros included, in reading order.
    package var checkedPages: [RenderedPage] {
        readingOrder.compactMap { page($0) }
    }
}

extension Finding {
    package func diagnostic(_ rule: Rule, _ severity: Diagnostic.Severity) -> Diagnostic {
        Diagnostic(file: file, line: line, column: column, severity: severity, rule: rule, message: message)
    }
}
