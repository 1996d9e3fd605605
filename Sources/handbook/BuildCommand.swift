import ArgumentParser
import Foundation
import HandbookKit

/// `handbook build`: the whole pipeline, then an atomic write of the output folder.
struct BuildCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "build",
        abstract: "Build the site into the output folder (written only when there are no errors)."
    )

    @OptionGroup var site: SiteOptions

    @Option(help: "The folder to write the site to. It is replaced as a whole, atomically.")
    var output = "Public"

    @Flag(help: "Include pages marked `draft: true`.")
    var drafts = false

    @Flag(help: "Print only diagnostics, not the summary line.")
    var quiet = false

    @Flag(help: "Print how long each stage took, its CPU time and the peak memory after it.")
    var timings = false

    func run() async throws {
        let clock = ContinuousClock()
        let start = clock.now
        let build = site.build(output: output, drafts: drafts)
        let report = try await site.reportingIOErrors { try await build.run() }
        DiagnosticPrinter.print(report.diagnostics)
        let elapsed = clock.now - start
        let milliseconds = elapsed.components.seconds * 1000 + elapsed.components.attoseconds / 1_000_000_000_000_000
        let errors = report.diagnostics.count { $0.severity == .error }
        let warnings = report.diagnostics.count - errors
        if report.diagnostics.hasErrors {
            printError("error: build failed with \(errors) error\(errors == 1 ? "" : "s"); \(output)/ was not changed")
            throw ExitCode.contentErrors
        }
        if !quiet {
            print("Built \(report.pageCount) pages (\(report.exerciseCount) exercises) into \(output)/ "
                  + "with \(warnings) warning\(warnings == 1 ? "" : "s") in \(milliseconds) ms")
        }
        if timings {
            print(report.times.stages.map { stage in
                let details = [stage.cpu.map { "cpu \(Self.milliseconds($0)) ms" }, stage.peakBytes.map { "peak \($0 >> 20) MiB" }]
                    .compactMap { $0 }
                return "\(stage.name) \(Self.milliseconds(stage.duration)) ms" + (details.isEmpty ? "" : " (\(details.joined(separator: ", ")))")
            }.joined(separator: ", "))
        }
    }

    static func milliseconds(_ duration: Duration) -> String {
        let value = Double(duration.components.seconds) * 1000 + Double(duration.components.attoseconds) / 1e15
        return value.formatted(.number.precision(.fractionLength(1)))
    }
}

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
