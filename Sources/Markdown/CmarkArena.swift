import CCmark
import CCmarkArena

/// Memory for the cmark trees one task parses, taken from a bump arena and given back all at
/// once when the last of its documents is freed.
///
/// cmark allocates every node, literal and buffer of a parse on its own and frees each again:
/// with `malloc`, that was half of parsing. Here allocation is a pointer bump and freeing a
/// node does nothing. The render task that owns the arena passes it to each document
/// (``CmarkDocument/init(markdown:arena:)``); since cmark's allocator takes no context, the
/// document enters its arena (``withCurrent(_:)``) around each cmark call that may allocate,
/// and the C side (`CCmarkArena`) finds it in a per-thread slot set only for that call.
///
/// Not `Sendable`: an arena belongs to the task that made it, and so do its documents. A
/// task may move between threads at an `await`, but never inside ``withCurrent(_:)``, whose
/// body is synchronous, so the slot is always the task's own.
package final class CmarkArena {
    private let arena: OpaquePointer
    private var documents = 0

    package init() {
        arena = handbook_arena_create()
    }

    deinit {
        handbook_arena_destroy(arena)
    }

    /// The allocator to give cmark: the entered arena; outside any, `malloc`, never freed
    /// (only tests call cmark outside an arena).
    package static var allocator: UnsafeMutablePointer<cmark_mem> {
        UnsafeMutableRawPointer(handbook_arena_allocator()).assumingMemoryBound(to: cmark_mem.self)
    }

    /// Runs `body` with cmark's allocations coming from this arena.
    package func withCurrent<T>(_ body: () throws -> T) rethrows -> T {
        let previous = handbook_arena_enter(arena)
        defer { handbook_arena_leave(previous) }
        return try body()
    }

    /// Marks a document parsed into the arena as alive.
    func open() {
        documents += 1
    }

    /// Marks a document as freed; the arena is emptied once none of its documents is alive.
    func close() {
        documents -= 1
        if documents == 0 { handbook_arena_reset(arena) }
    }
}
