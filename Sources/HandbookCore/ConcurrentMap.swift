import Synchronization
#if canImport(Glibc)
import Glibc
#endif

extension Array where Element: Sendable {
    /// Maps in parallel, one task per core, and returns results in the original order
    /// whatever order tasks finish. Each task takes the next small batch of elements until
    /// none is left: elements differ in cost (a page of 300 words, one of 3,000), and
    /// fixed shares left one core idle while the other finished the slowest share.
    /// - Parameter transform: A pure function of one element.
    /// - Returns: The transformed elements, in order.
    package func concurrentMap<T: Sendable>(_ transform: @escaping @Sendable (Element) throws -> T) async rethrows -> [T] {
        try await concurrentMap(eachTask: {}) { _, element in try transform(element) }
    }

    /// ``concurrentMap(_:)`` with something each task makes once and keeps to itself, such as
    /// the arena a render task parses every page into.
    /// - Parameters:
    ///   - makeState: Makes one task's state, in that task.
    ///   - transform: A pure function of one element, given its task's state.
    /// - Returns: The transformed elements, in order.
    package func concurrentMap<State, T: Sendable>(eachTask makeState: @escaping @Sendable () -> State,
                                                   _ transform: @escaping @Sendable (inout State, Element) throws -> T) async rethrows -> [T] {
        let cores = Swift.max(1, Int(sysconf(Int32(_SC_NPROCESSORS_ONLN))))
        guard count > 1, cores > 1 else {
            var state = makeState()
            return try map { try transform(&state, $0) }
        }
        // Small enough to even out the ends, big enough that taking one costs nothing.
        let batch = Swift.max(1, Swift.min(32, count / (cores * 16)))
        let next = BatchCounter()
        return try await withThrowingTaskGroup(of: [(Int, [T])].self) { group in
            for _ in 0..<Swift.min(cores, count) {
                group.addTask {
                    var state = makeState()
                    var done: [(Int, [T])] = []
                    while true {
                        let start = next.take(batch)
                        guard start < count else { return done }
                        done.append((start, try self[start..<Swift.min(start + batch, count)].map { try transform(&state, $0) }))
                        // Lets waiting tasks in, such as another map's, which would otherwise
                        // start only once this one has taken every batch.
                        await Task.yield()
                    }
                }
            }
            var parts: [(Int, [T])] = []
            for try await done in group { parts += done }
            return parts.sorted { $0.0 < $1.0 }.flatMap(\.1)
        }
    }
}

/// The start of the next batch of elements, shared by the tasks of one ``Array/concurrentMap(_:)``.
private final class BatchCounter: Sendable {
    private let next = Atomic<Int>(0)

    /// Takes the next `size` elements.
    /// - Returns: The index of the first one (past the end once all are taken).
    package func take(_ size: Int) -> Int {
        next.wrappingAdd(size, ordering: .relaxed).oldValue
    }
}

extension Array where Element: Sendable {
    /// ``concurrentMap(_:)`` for big elements that become small ones: each element is handed
    /// to its task and released as soon as it is transformed, not when the whole array is.
    /// Pages' Markdown is a fifth of a large build's memory, and its HTML takes its place.
    /// - Parameters:
    ///   - makeState: Makes one task's state, in that task (see ``concurrentMap(eachTask:_:)``).
    ///   - transform: A pure function of one element, given its task's state.
    /// - Returns: The transformed elements, in order.
    package consuming func concurrentMapReleasing<State, T: Sendable>(eachTask makeState: @escaping @Sendable () -> State,
                                                                      _ transform: @escaping @Sendable (inout State, Element) -> T) async -> [T] {
        let count = count
        let handoff = Handoff(self)
        return await Array<Int>(0..<count).concurrentMap(eachTask: makeState) { state, index in transform(&state, handoff.take(index)) }
    }
}

/// Drops `value` on another thread instead of the caller's: freeing a built site of 10,000
/// pages takes a tenth of a second on one core, after its last page is written, and the
/// command has nothing left to wait for. If the process exits first, nothing is freed.
package func releaseInBackground<T: Sendable>(_ value: consuming T) {
    // Through a handoff, so the task frees it even when it runs before this function returns.
    let handoff = Handoff([consume value])
    Task.detached(priority: .utility) { _ = handoff.take(0) }
}

/// Elements taken out one by one, each by one task.
private final class Handoff<Element: Sendable>: Sendable {
    private let elements: Mutex<[Element?]>

    package init(_ elements: consuming [Element]) {
        self.elements = Mutex(elements)
    }

    /// The element at `index`, no longer held here. Each index is taken once.
    package func take(_ index: Int) -> Element {
        elements.withLock { elements in
            defer { elements[index] = nil }
            return elements[index]!
        }
    }
}
