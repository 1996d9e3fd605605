import ArgumentParser
import HandbookKit

/// Folder options shared by commands that read the site.
struct SiteOptions: ParsableArguments {
    @Option(help: "The folder of Markdown pages and handbook.yml.")
    var content = "Content"

    @Option(help: "The folder of Mustache templates, partials and assets.")
    var templates = "Templates"

    /// A build of these folders, with today's date for the `review-due` rule.
    func build(output: String = "Public", drafts: Bool) -> Build {
        var build = Build(contentFolder: content, templatesFolder: templates, outputFolder: output, includeDrafts: drafts)
        build.checkContext = CheckContext(today: .today)
        return build
    }

    /// Runs `stage`, turning an I/O failure into a one-line message and exit status 2.
    func reportingIOErrors(_ stage: () async throws -> Build.Report) async throws -> Build.Report {
        do {
            return try await stage()
        } catch {
            printError("error: \(error)")
            throw ExitCode.usageOrIO
        }
    }
}
