import Foundation
import HandbookKit

/// Everything the preview server shares between requests and rebuilds, in one actor: the
/// site being served, the last build's problems, and the open live-reload streams.
actor SiteState {
    /// The site requests are served from.
    private(set) var snapshot = SiteSnapshot()
    private var streams: [Int: AsyncStream<ServerEvent>.Continuation] = [:]
    private var nextStreamID = 0

    /// Creates a state with no site yet.
    init() {}

    /// Opens a live-reload stream. Its first event is ``ServerEvent/hello(generation:)``; it
    /// closes itself when the consumer stops listening.
    func subscribe() -> AsyncStream<ServerEvent> {
        let (stream, continuation) = AsyncStream.makeStream(of: ServerEvent.self, bufferingPolicy: .bufferingNewest(32))
        let id = nextStreamID
        nextStreamID += 1
        streams[id] = continuation
        continuation.onTermination = { [weak self] _ in
            Task { await self?.remove(id) }
        }
        continuation.yield(.hello(generation: snapshot.generation))
        return stream
    }

    private func remove(_ id: Int) {
        streams[id] = nil
    }

    /// Makes a build's result the served site (or, for a failed build, shows its problems over
    /// the last good one) and tells open pages what changed.
    /// - Parameters:
    ///   - result: What the rebuild produced.
    ///   - now: When, for the changed files' `Last-Modified`.
    ///   - read: Reads a copied file's bytes; nil when it can't.
    /// - Returns: The site paths whose bytes changed, and the events sent to open pages.
    @discardableResult
    func publish(
        _ result: IncrementalBuild.Result, at now: Date, read: (String) -> [UInt8]?
    ) -> (changed: Set<String>, events: [ServerEvent]) {
        guard let plan = result.report.plan else { return ([], showProblems(result.report.diagnostics)) }
        let wasShowingProblems = !snapshot.errors.isEmpty
        let hadSite = snapshot.hasSite
        let (next, changed) = snapshot.publishing(plan, changed: result.changedPaths, at: now, read: read)
        let copied = changed.filter { (next.file(at: $0) ?? snapshot.file(at: $0))?.isCopy == true }
        snapshot = next
        let events = hadSite && !wasShowingProblems
            ? ServerEvent.events(forChanged: changed, copied: copied, generation: snapshot.generation)
            : [.reload(pages: nil)]
        broadcast(events)
        return (changed, events)
    }

    /// Keeps serving the last good site, with a failed build's errors over every page.
    /// - Parameter problems: The failed build's diagnostics; warnings stay in the terminal.
    /// - Returns: The events sent to open pages: a reload unless these errors were shown already.
    @discardableResult
    func showProblems(_ problems: [Diagnostic]) -> [ServerEvent] {
        let errors = problems.filter { $0.severity == .error }
        let events: [ServerEvent] = errors == snapshot.errors ? [] : [.reload(pages: nil)]
        snapshot = snapshot.failing(with: errors)
        broadcast(events)
        return events
    }

    /// Sends a keep-alive comment on every open stream.
    func ping() {
        broadcast([.ping])
    }

    private func broadcast(_ events: [ServerEvent]) {
        for continuation in streams.values {
            for event in events { continuation.yield(event) }
        }
    }
}
