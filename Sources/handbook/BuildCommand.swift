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

    func run() async throws {
        let clock = ContinuousClock()
        let start = clock.now
        let build = Build(contentFolder: site.content, templatesFolder: site.templates,
                          outputFolder: output, includeDrafts: drafts)
        let report: Build.Report
        do {
            report = try await build.run()
        } catch {
            printError("error: \(error)")
            throw ExitCode.usageOrIO
        }
        DiagnosticPrinter.print(report.diagnostics)
        let elapsed = clock.now - start
        let milliseconds = elapsed.components.seconds * 1000 + elapsed.components.attoseconds / 1_000_000_000_000_000
        let errors = report.diagnostics.filter { $0.severity == .error }.count
        let warnings = report.diagnostics.count - errors
        if report.plan == nil {
            printError("error: build failed with \(errors) error\(errors == 1 ? "" : "s"); \(output)/ was not changed")
            throw ExitCode.contentErrors
        }
        if !quiet {
            print("Built \(report.pageCount) pages (\(report.exerciseCount) exercises) into \(output)/ "
                  + "with \(warnings) warning\(warnings == 1 ? "" : "s") in \(milliseconds) ms")
        }
    }
}

/// Prints diagnostics to standard error, one per line, in the compiler format.
enum DiagnosticPrinter {
    static func print(_ diagnostics: [Diagnostic]) {
        guard !diagnostics.isEmpty else { return }
        printError(diagnostics.map(\.description).joined(separator: "\n"))
    }
}
