import Foundation
import HandbookKit
import ServiceLifecycle

/// What one build of the preview server did, for the terminal.
public struct RebuildSummary: Sendable {
    /// Which build this was.
    public enum Kind: Sendable {
        /// The first build, when the server started.
        case first
        /// A rebuild after files changed: the article pages an edit shows up on.
        case edit
        /// The listing pages an edit left for later (home, section pages, indexes, print).
        case listings
    }

    /// Which build this was.
    public var kind: Kind
    /// Every problem found, sorted; the build failed when any is an error.
    public var diagnostics: [Diagnostic] = []
    /// What the terminal should show: everything after the first build; later, the problems
    /// the previous build did not have, and every error of a failed build.
    public var diagnosticsToShow: [Diagnostic] = []
    /// Whether the site now served is this build's.
    public var succeeded = false
    /// Pages built, section intros included.
    public var pageCount = 0
    /// Exercise pages among them.
    public var exerciseCount = 0
    /// How many pages were filled from their templates.
    public var filledPages = 0
    /// Site paths whose bytes changed, sorted.
    public var changedPaths: [String] = []
    /// How many files' bytes changed.
    public var changedFiles: Int { changedPaths.count }
    /// How long the build took, from the file events to the published site.
    public var duration: Duration = .zero
}

/// The service that builds the site once the server listens, then again after each batch of
/// file changes, and publishes every result to ``SiteState``: first the pages an edit shows up
/// on, so open pages reload at once, then the listing pages it left pending.
struct Rebuilder: Service {
    let state: SiteState
    let build: Build
    /// Yields once the server is listening: the first build waits for it, so the server's
    /// address is printed before anything else.
    let listening: AsyncStream<Void>
    let batches: AsyncStream<FileChanges>
    let report: @Sendable (RebuildSummary) -> Void

    func run() async throws {
        var isListening = false
        for await _ in listening.cancelOnGracefulShutdown() {
            isListening = true
            break
        }
        guard isListening else { return }
        var builder = IncrementalBuild(build)
        var shown: [Diagnostic] = []
        await rebuild(&builder, changed: nil, kind: .first, shown: &shown)
        for await batch in batches.cancelOnGracefulShutdown() {
            // Listing pages wait until a build succeeds: publishing them would clear the errors shown.
            if await rebuild(&builder, changed: batch.changedForRebuild, kind: .edit, shown: &shown), builder.hasPendingPages {
                await fillPending(&builder)
            }
        }
    }

    /// Rebuilds, publishes and reports.
    /// - Returns: Whether the build succeeded.
    @discardableResult
    private func rebuild(
        _ builder: inout IncrementalBuild, changed: Set<String>?, kind: RebuildSummary.Kind, shown: inout [Diagnostic]
    ) async -> Bool {
        let clock = ContinuousClock()
        let start = clock.now
        var summary = RebuildSummary(kind: kind)
        do {
            let result = try await builder.rebuild(changed: changed)
            summary.changedPaths = await publish(result)
            summary.diagnostics = result.report.diagnostics
            summary.succeeded = result.report.plan != nil
            summary.pageCount = result.report.pageCount
            summary.exerciseCount = result.report.exerciseCount
            summary.filledPages = result.filledPages
        } catch {
            // A folder that vanished or can't be read: show it like any other problem, and
            // read everything again next time.
            let problem = (error as? FileSystemError).map { Diagnostic(file: $0.path, rule: .io, message: $0.reason) }
                ?? Diagnostic(file: build.contentFolder, rule: .io, message: "\(error)")
            builder = IncrementalBuild(build)
            summary.diagnostics = [problem]
            await state.showProblems([problem])
        }
        summary.duration = clock.now - start
        // A big site has thousands of warnings: print each once, not after every save.
        if summary.diagnostics == shown {
            // The common case, a body edit on a site with many warnings: a quick equality test.
            summary.diagnosticsToShow = summary.succeeded ? [] : summary.diagnostics.filter { $0.severity == .error }
        } else {
            let before = Set(shown)
            summary.diagnosticsToShow = summary.diagnostics.filter {
                !before.contains($0) || (!summary.succeeded && $0.severity == .error)
            }
        }
        shown = summary.diagnostics
        report(summary)
        return summary.succeeded
    }

    private func fillPending(_ builder: inout IncrementalBuild) async {
        let clock = ContinuousClock()
        let start = clock.now
        guard let result = await builder.fillPendingPages() else { return }
        var summary = RebuildSummary(kind: .listings, succeeded: true, pageCount: result.report.pageCount,
                                     exerciseCount: result.report.exerciseCount, filledPages: result.filledPages)
        summary.changedPaths = await publish(result)
        summary.duration = clock.now - start
        report(summary)
    }

    /// Publishes a result, reading copied files from disk.
    /// - Returns: The served files that changed, sorted.
    private func publish(_ result: IncrementalBuild.Result) async -> [String] {
        let fileSystem = build.fileSystem
        return await state.publish(result, at: Date()) { try? fileSystem.read($0) }.changed.sorted()
    }
}
