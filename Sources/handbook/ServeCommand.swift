import ArgumentParser
import Foundation
import HandbookKit
import HandbookServer

/// `handbook serve`: a preview server that rebuilds as files change and reloads open pages.
struct ServeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Serve the site for preview, rebuilding and reloading pages as files change (never writes Public/)."
    )

    @OptionGroup var site: SiteOptions

    @Option(help: "The address to listen on. Anything but a loopback address puts the preview on the network.")
    var host = "127.0.0.1"

    @Option(help: "The port to listen on; 0 picks a free one.")
    var port = 8000

    @Flag(help: "Open the site in the default browser.")
    var open = false

    @Flag(help: "Include pages marked `draft: true`.")
    var drafts = false

    @Flag(help: "Find changes by scanning files every half second, for file systems without inotify.")
    var poll = false

    func validate() throws {
        guard (0...65535).contains(port) else { throw ValidationError("--port must be between 0 and 65535") }
    }

    func run() async throws {
        var configuration = PreviewServer.Configuration()
        configuration.host = host
        configuration.port = port
        configuration.contentFolder = site.content
        configuration.templatesFolder = site.templates
        configuration.includeDrafts = drafts
        configuration.checkContext = CheckContext(today: .today)
        configuration.pollInterval = poll ? .milliseconds(500) : nil
        let shouldOpen = open
        do {
            try await PreviewServer(configuration: configuration).run { event in
                switch event {
                case .listening(let url):
                    Self.printLine(url)
                    Self.printLine("Serving a preview; Ctrl-C to stop.")
                    if shouldOpen { Self.openBrowser(url) }
                case .built(let summary):
                    Self.report(summary)
                }
            }
        } catch {
            printError("error: \(error)")
            throw ExitCode.usageOrIO
        }
    }

    /// Prints a build's diagnostics to standard error and one line about it to standard output.
    private static func report(_ summary: RebuildSummary) {
        DiagnosticPrinter.print(summary.diagnosticsToShow)
        let milliseconds = summary.duration.components.seconds * 1000
            + summary.duration.components.attoseconds / 1_000_000_000_000_000
        let errors = summary.diagnostics.filter { $0.severity == .error }.count
        let warnings = summary.diagnostics.count - errors
        let warningCount = "\(warnings) warning\(warnings == 1 ? "" : "s")"
        let line: String
        let pages = "\(summary.filledPages) page\(summary.filledPages == 1 ? "" : "s") filled"
        let files = "\(summary.changedFiles) file\(summary.changedFiles == 1 ? "" : "s") changed"
        switch (summary.succeeded, summary.kind) {
        case (false, _):
            line = "Build failed with \(errors) error\(errors == 1 ? "" : "s") in \(milliseconds) ms; "
                + "still serving the last good site, with the errors shown on every page"
        case (true, .first):
            line = "Built \(summary.pageCount) pages (\(summary.exerciseCount) exercises) with \(warningCount) in \(milliseconds) ms"
        case (true, .edit):
            line = "Rebuilt in \(milliseconds) ms: \(pages), \(files), \(warningCount)"
        case (true, .listings):
            line = "Updated the listing pages in \(milliseconds) ms: \(pages), \(files)"
        }
        printLine(line)
    }

    /// Prints a line to standard output at once, unbuffered: a script reading the first
    /// line (the address) must not wait for a buffer to fill.
    private static func printLine(_ text: String) {
        FileHandle.standardOutput.write(Data((text + "\n").utf8))
    }

    /// Opens the default browser; a failure only prints a hint, the server keeps running.
    private static func openBrowser(_ url: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["xdg-open", url]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        do {
            try process.run()
        } catch {
            printError("note: could not open a browser (\(error)); open \(url) yourself")
        }
    }
}
