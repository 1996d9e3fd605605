#if canImport(Glibc)
import Glibc
#endif

/// How long each stage of a build took, the CPU time it used on all cores, and the process's
/// peak memory when it ended, for `handbook build --timings`: the figures that say where a
/// slow or big build spends its time and memory, and how well each stage uses the cores. Only
/// the order of stages is deterministic.
public struct StageTimes: Sendable {
    public struct Stage: Sendable {
        public var name: String
        public var duration: Duration
        /// User and system CPU time of the whole process during the stage, where known.
        public var cpu: Duration?
        /// The process's peak resident memory at the end of the stage, where known.
        public var peakBytes: Int?
    }

    public private(set) var stages: [Stage] = []
    private let clock = ContinuousClock()
    private var last: ContinuousClock.Instant
    private var lastCPU: Duration?

    package init() {
        last = clock.now
        lastCPU = Self.cpuTime()
    }

    /// Ends the running stage under `name` and starts the next.
    package mutating func lap(_ name: String) {
        let now = clock.now
        let cpu = Self.cpuTime()
        stages.append(Stage(name: name, duration: now - last, cpu: cpu.flatMap { end in lastCPU.map { end - $0 } },
                            peakBytes: Self.peakBytes()))
        last = now
        lastCPU = cpu
    }

    /// User plus system time of every thread so far.
    private static func cpuTime() -> Duration? {
        #if canImport(Glibc)
        var usage = rusage()
        guard getrusage(RUSAGE_SELF.rawValue, &usage) == 0 else { return nil }
        func duration(_ time: timeval) -> Duration { .seconds(time.tv_sec) + .microseconds(time.tv_usec) }
        return duration(usage.ru_utime) + duration(usage.ru_stime)
        #else
        return nil
        #endif
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
