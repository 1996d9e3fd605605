/// One problem found in the content or templates, reported as
/// `path:line:col: error|warning: message [rule-id]`.
///
/// Lines and columns are 1-based. Columns count Unicode scalars, as libYAML does;
/// cmark reports byte columns, which ``SourceText/column(line:byteColumn:)`` converts
/// in one place so every stage speaks the same unit.
public struct Diagnostic: Sendable, Hashable, Comparable, Codable, CustomStringConvertible {
    /// How serious a problem is: errors stop the build, warnings are printed.
    public enum Severity: String, Sendable, Hashable, Codable {
        case error, warning
    }

    /// The file, as the author would type it (the content or template folder joined with the relative path).
    public var file: String
    public var line: Int
    public var column: Int
    public var severity: Severity
    /// The rule's stable id, such as `unknown-key`; ``Rule`` lists them all.
    public var rule: Rule
    public var message: String

    /// Creates a diagnostic.
    /// - Parameters:
    ///   - file: The path shown to the author.
    ///   - line: 1-based line (0 when the problem concerns the whole file, printed as 1).
    ///   - column: 1-based column in Unicode scalars.
    ///   - severity: Error or warning.
    ///   - rule: The rule that found it.
    ///   - message: What is wrong and what to do about it.
    public init(file: String, line: Int = 1, column: Int = 1, severity: Severity = .error, rule: Rule, message: String) {
        self.file = file
        self.line = max(line, 1)
        self.column = max(column, 1)
        self.severity = severity
        self.rule = rule
        self.message = message
    }

    public var description: String {
        "\(file):\(line):\(column): \(severity.rawValue): \(message) [\(rule.rawValue)]"
    }

    /// Sorted by path, line, column and rule, so output is stable whatever order the stages ran in.
    public static func < (lhs: Diagnostic, rhs: Diagnostic) -> Bool {
        (lhs.file, lhs.line, lhs.column, lhs.rule.rawValue, lhs.message)
            < (rhs.file, rhs.line, rhs.column, rhs.rule.rawValue, rhs.message)
    }
}

extension Array where Element == Diagnostic {
    /// Whether any diagnostic is an error (which fails the build).
    public var hasErrors: Bool { contains { $0.severity == .error } }
}
