/// How long each stage of a build took, and the process's peak memory when it ended, for
/// `handbook build --timings`: the figures that say where a slow or big build spends its
/// time and memory. Only the order of stages is deterministic.
public struct StageTimes: Sendable {
    public private(set) var stages: [(name: String, duration: Duration, peakBytes: Int?)] = []
    private let clock = ContinuousClock()
    private var last: ContinuousClock.Instant

    init() {
        last = clock.now
    }

    /// Ends the running stage under `name` and starts the next.
    mutating func lap(_ name: String) {
        let now = clock.now
        stages.append((name, now - last, Self.peakBytes()))
        last = now
    }

    /// The process's peak resident memory so far (Linux's `VmHWM`), or nil where unknown.
    private static func peakBytes() -> Int? {
        guard let status = try? DiskIO.read("/proc/self/status"),
              let line = String(decoding: status, as: UTF8.self).split(separator: "\n").first(where: { $0.hasPrefix("VmHWM:") }),
              let kilobytes = Int(line.dropFirst(6).filter { $0 != " " && $0 != "\t" }.dropLast(2))
        else { return nil }
        return kilobytes * 1024
    }
}
