/// How long each stage of a build took, for `handbook build --timings`: the figures that
/// say where a slow build spends its time. Only the order of stages is deterministic.
public struct StageTimes: Sendable {
    public private(set) var stages: [(name: String, duration: Duration)] = []
    private let clock = ContinuousClock()
    private var last: ContinuousClock.Instant

    init() {
        last = clock.now
    }

    /// Ends the running stage under `name` and starts the next.
    mutating func lap(_ name: String) {
        let now = clock.now
        stages.append((name, now - last))
        last = now
    }
}
