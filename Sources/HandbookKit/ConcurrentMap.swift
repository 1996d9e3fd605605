import Synchronization
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

extension Array where Element: Sendable {
    /// ``concurrentMap(_:)`` for big elements that become small ones: each element is handed
    /// to its task and released as soon as it is transformed, not when the whole array is.
    /// Pages' Markdown is a fifth of a large build's memory, and its HTML takes its place.
    /// - Parameter transform: A pure function of one element.
    /// - Returns: The transformed elements, in order.
    consuming func concurrentMapReleasing<T: Sendable>(_ transform: @escaping @Sendable (Element) -> T) async -> [T] {
        let count = count
        let handoff = Handoff(self)
        return await Array<Int>(0..<count).concurrentMap { transform(handoff.take($0)) }
    }
}

/// Elements taken out one by one, each by one task.
private final class Handoff<Element: Sendable>: Sendable {
    private let elements: Mutex<[Element?]>

    init(_ elements: consuming [Element]) {
        self.elements = Mutex(elements)
    }

    /// The element at `index`, no longer held here. Each index is taken once.
    func take(_ index: Int) -> Element {
        elements.withLock { elements in
            defer { elements[index] = nil }
            return elements[index]!
        }
    }
}
