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
        var text: [UInt8] = []
        append(to: &text)
        return String(decoding: text, as: UTF8.self)
    }

    /// Appends ``description`` as UTF-8: a build may print tens of thousands of these, all
    /// into one buffer.
    public func append(to output: inout [UInt8]) {
        output.reserveCapacity(output.count + file.utf8.count + message.utf8.count + 64)
        output += file.utf8
        output.append(UInt8(ascii: ":"))
        output.appendDecimal(line)
        output.append(UInt8(ascii: ":"))
        output.appendDecimal(column)
        output += ": ".utf8
        output += severity.rawValue.utf8
        output += ": ".utf8
        output += message.utf8
        output += " [".utf8
        output += rule.rawValue.utf8
        output.append(UInt8(ascii: "]"))
    }

    /// Sorted by path, line, column and rule, so output is stable whatever order the stages ran in.
    public static func < (lhs: Diagnostic, rhs: Diagnostic) -> Bool {
        if lhs.file != rhs.file { return lhs.file < rhs.file }
        if lhs.line != rhs.line { return lhs.line < rhs.line }
        if lhs.column != rhs.column { return lhs.column < rhs.column }
        if lhs.rule != rhs.rule { return lhs.rule.rawValue < rhs.rule.rawValue }
        return lhs.message < rhs.message
    }
}

extension Array where Element == Diagnostic {
    /// Whether any diagnostic is an error (which fails the build).
    public var hasErrors: Bool { contains { $0.severity == .error } }

    /// The diagnostics in ``Diagnostic/<`` order, as `sorted()` gives them, but sorted by
    /// small keys: each distinct file is ranked once, so most comparisons are of integers
    /// rather than of two long paths (and of strings scattered in memory).
    /// - Returns: The same array `sorted()` returns; diagnostics equal under `<` keep their order.
    public func sortedForOutput() -> [Diagnostic] {
        var fileRanks: [String: Int] = [:]
        for diagnostic in self where fileRanks[diagnostic.file] == nil { fileRanks[diagnostic.file] = 0 }
        for (rank, file) in fileRanks.keys.sorted().enumerated() { fileRanks[file] = rank }
        let ruleRanks = Diagnostic.ruleRanks
        let keys = map { (file: fileRanks[$0.file]!, line: $0.line, column: $0.column, rule: ruleRanks[$0.rule]!) }
        let order = indices.sorted { a, b in
            let left = keys[a], right = keys[b]
            if left != right { return left < right }
            // Same file, position and rule: rare, so the message strings are compared only here.
            if self[a].message != self[b].message { return self[a].message < self[b].message }
            return a < b
        }
        return order.map { self[$0] }
    }
}

extension Diagnostic {
    /// Each rule's place when rules are sorted by id, as ``<(_:_:)`` compares them.
    fileprivate static let ruleRanks: [Rule: Int] = Dictionary(
        uniqueKeysWithValues: Rule.allCases.sorted { $0.rawValue < $1.rawValue }.enumerated().map { ($1, $0) })
}
