import ArgumentParser
import Foundation
import HandbookKit

/// `handbook check`: every content and template rule, reported like a compiler; writes nothing.
struct CheckCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Check the content against every rule without writing any output."
    )

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case text, json
    }

    @OptionGroup var site: SiteOptions

    @Option(help: "Output format: text (path:line:col: ...) or json.")
    var format: Format = .text

    @Flag(help: "Include pages marked `draft: true`.")
    var drafts = false

    func run() async throws {
        let build = site.build(drafts: drafts)
        let report = try await site.reportingIOErrors { try await build.check() }
        switch format {
        case .json:
            print(try DiagnosticPrinter.json(report.diagnostics))
        case .text:
            DiagnosticPrinter.print(report.diagnostics)
            printError(DiagnosticPrinter.summary(report.diagnostics, pages: report.pageCount))
        }
        if report.diagnostics.hasErrors { throw ExitCode.contentErrors }
    }
}

extension Day {
    /// Today's date in UTC. Only the command line reads the clock; stages take the date as input.
    static var today: Day {
        let parts = Calendar(identifier: .gregorian).dateComponents(in: TimeZone(identifier: "UTC")!, from: Date())
        return Day(year: parts.year!, month: parts.month!, day: parts.day!)!
    }
}
