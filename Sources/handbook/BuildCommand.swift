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
