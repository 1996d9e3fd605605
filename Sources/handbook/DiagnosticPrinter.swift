import ArgumentParser
import Foundation
import HandbookKit

/// Prints diagnostics to standard error in the compiler format, coloured only on a terminal.
enum DiagnosticPrinter {
    static func print(_ diagnostics: [Diagnostic]) {
        guard !diagnostics.isEmpty else { return }
        let colour = isatty(STDERR_FILENO) == 1 && ProcessInfo.processInfo.environment["NO_COLOR"] == nil
        guard !colour else { return printError(diagnostics.map(coloured).joined(separator: "\n")) }
        // One buffer for all: a large site prints thousands, after its last page is written.
        var text: [UInt8] = []
        for diagnostic in diagnostics {
            diagnostic.append(to: &text)
            text.append(UInt8(ascii: "\n"))
        }
        FileHandle.standardError.write(Data(text))
    }

    private static func coloured(_ diagnostic: Diagnostic) -> String {
        let plain = diagnostic.description
        let label = "\(diagnostic.severity.rawValue):"
        let code = diagnostic.severity == .error ? "\u{1B}[1;31m" : "\u{1B}[1;33m"
        return plain.replacingOccurrences(of: " \(label) ", with: " \(code)\(label)\u{1B}[0m ", options: [], range: plain.range(of: " \(label) "))
    }

    /// "12 pages checked: 1 error, 2 warnings".
    static func summary(_ diagnostics: [Diagnostic], pages: Int) -> String {
        let errors = diagnostics.count { $0.severity == .error }
        let warnings = diagnostics.count - errors
        return "\(pages) pages checked: \(errors) error\(errors == 1 ? "" : "s"), \(warnings) warning\(warnings == 1 ? "" : "s")"
    }

    /// A stable JSON array of `{file, line, column, severity, rule, message}` objects.
    static func json(_ diagnostics: [Diagnostic]) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(diagnostics), as: UTF8.self)
    }
}
