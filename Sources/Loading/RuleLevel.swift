import HandbookCore
/// A rule's configured level in `handbook.yml`: `error`, `warning` or `off`.
public enum RuleLevel: String, Sendable, CaseIterable, ClosedSet {
    case error, warning, off

    package init(_ severity: Diagnostic.Severity) {
        self = severity == .error ? .error : .warning
    }

    package var severity: Diagnostic.Severity? {
        switch self {
        case .error: .error
        case .warning: .warning
        case .off: nil
        }
    }
}
