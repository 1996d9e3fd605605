#if canImport(Glibc)
import Glibc
#endif

extension Array where Element: Sendable {
    /// Maps in parallel, in contiguous chunks (one per core) to keep task overhead off
    /// the hot path, and returns results in the original order whatever order tasks finish.
    /// - Parameter transform: A pure function of one element.
    /// - Returns: The transformed elements, in order.
    func concurrentMap<T: Sendable>(_ transform: @escaping @Sendable (Element) throws -> T) async rethrows -> [T] {
        let cores = Swift.max(1, Int(sysconf(Int32(_SC_NPROCESSORS_ONLN))))
        guard count > 1, cores > 1 else { return try map(transform) }
        let chunk = (count + cores * 4 - 1) / (cores * 4)
        return try await withThrowingTaskGroup(of: (Int, [T]).self) { group in
            for start in stride(from: 0, to: count, by: chunk) {
                let slice = self[start..<Swift.min(start + chunk, count)]
                group.addTask { (start, try slice.map(transform)) }
            }
            var parts: [(Int, [T])] = []
            for try await part in group { parts.append(part) }
            return parts.sorted { $0.0 < $1.0 }.flatMap(\.1)
        }
    }
}
