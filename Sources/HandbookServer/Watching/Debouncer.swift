/// Gathers a burst of file events into one batch, so an editor that saves by writing a
/// temporary file and renaming it (several events within a millisecond) causes one rebuild.
/// A batch closes once no event has come for `quiet`, or `limit` after its first event, so a
/// steady trickle of writes can't put a rebuild off for ever.
///
/// The clock is a parameter: tests drive it by hand instead of sleeping.
actor Debouncer<C: Clock> where C.Duration == Duration {
    /// Closed batches, in order; finishes after ``finish()``.
    nonisolated let batches: AsyncStream<FileChanges>

    private let clock: C
    private var window: DebounceWindow<C.Instant>
    private var timer: Task<Void, Never>?
    private let continuation: AsyncStream<FileChanges>.Continuation

    /// - Parameters:
    ///   - clock: The clock deadlines are measured and awaited on.
    ///   - quiet: How long without events closes a batch.
    ///   - limit: How long after its first event a batch closes at the latest.
    init(clock: C, quiet: Duration, limit: Duration) {
        self.clock = clock
        window = DebounceWindow(quiet: quiet, limit: limit)
        (batches, continuation) = AsyncStream.makeStream(of: FileChanges.self)
    }

    /// Adds changes to the open batch, opening one if needed.
    func add(_ changes: FileChanges) {
        window.add(changes, at: clock.now)
        scheduleIfNeeded()
    }

    /// Drops the open batch and ends ``batches``.
    func finish() {
        timer?.cancel()
        timer = nil
        continuation.finish()
    }

    private func scheduleIfNeeded() {
        guard timer == nil, let deadline = window.deadline else { return }
        timer = Task { [clock] in
            try? await clock.sleep(until: deadline, tolerance: nil)
            self.fire()
        }
    }

    private func fire() {
        timer = nil
        if let batch = window.take(at: clock.now) {
            continuation.yield(batch)
        }
        // Events that came while the timer slept moved the deadline: wait for the new one.
        scheduleIfNeeded()
    }
}

/// The debouncer's arithmetic, without a clock or tasks, so tests can check it directly.
struct DebounceWindow<Instant: InstantProtocol>: Sendable where Instant.Duration == Duration {
    var quiet: Duration
    var limit: Duration
    /// The open batch.
    private(set) var pending = FileChanges()
    private var first: Instant?
    private var last: Instant?

    /// - Parameters:
    ///   - quiet: How long without events closes a batch.
    ///   - limit: How long after its first event a batch closes at the latest.
    init(quiet: Duration, limit: Duration) {
        self.quiet = quiet
        self.limit = limit
    }

    /// When the open batch closes; nil when there is none.
    var deadline: Instant? {
        guard let first, let last else { return nil }
        return min(last.advanced(by: quiet), first.advanced(by: limit))
    }

    /// Adds changes seen at `now`; empty changes open no batch.
    mutating func add(_ changes: FileChanges, at now: Instant) {
        guard !changes.isEmpty else { return }
        pending.merge(changes)
        if first == nil { first = now }
        last = now
    }

    /// Closes the open batch if its deadline has come.
    /// - Parameter now: The current time.
    /// - Returns: The batch, or nil when there is none or it is still open.
    mutating func take(at now: Instant) -> FileChanges? {
        guard let deadline, now >= deadline else { return nil }
        let batch = pending
        pending = FileChanges()
        first = nil
        last = nil
        return batch
    }
}
