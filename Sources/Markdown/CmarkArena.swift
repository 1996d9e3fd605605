import HandbookCore
import CCmark
#if canImport(Glibc)
import Glibc
#endif

/// Memory for cmark's trees, taken from a bump arena per thread and given back all at once.
///
/// cmark allocates every node, literal and buffer of a parse on its own and frees each again:
/// with `malloc`, that was half of parsing. Here allocation is a pointer bump, freeing a node
/// does nothing, and a thread's arena is reset when the last document parsed on it is freed.
/// cmark's allocator takes no context, so each thread finds its arena in thread-local storage.
///
/// What cmark allocates for a tree's caller, such as `cmark_render_html`'s string, comes from
/// the arena too: it lives as long as the document and must not be passed to `free`.
///
/// A document must be freed on the thread that parsed it, which holds as long as no document
/// is kept across an `await`: ``CmarkDocument`` is not `Sendable`, and checks it.
package enum CmarkArena {
    /// The allocator to give cmark; set once, then only read.
    nonisolated(unsafe) static let allocator: UnsafeMutablePointer<cmark_mem> = {
        Arena.makeKey()
        let allocator = UnsafeMutablePointer<cmark_mem>.allocate(capacity: 1)
        allocator.initialize(to: cmark_mem(
            calloc: { count, size in
                let bytes = Arena.current.pointee.allocate(count * size)
                memset(bytes, 0, count * size)
                return bytes
            },
            realloc: { pointer, size in Arena.current.pointee.reallocate(pointer, to: size) },
            free: { _ in }
        ))
        return allocator
    }()

    /// Marks a document parsed on this thread as alive.
    /// - Returns: The thread's arena, to give back to ``close(_:)``.
    static func open() -> OpaquePointer {
        // Made first: making it makes the key that threads find their arenas by.
        _ = allocator
        let arena = Arena.current
        arena.pointee.documents += 1
        return OpaquePointer(arena)
    }

    /// Marks a document as freed; the arena is reset once none of its documents is alive.
    package static func close(_ handle: OpaquePointer) {
        let arena = UnsafeMutablePointer<Arena>(handle)
        precondition(arena == Arena.current, "a cmark document was freed on another thread than the one that parsed it")
        arena.pointee.documents -= 1
        if arena.pointee.documents == 0 { arena.pointee.reset() }
    }
}

/// One thread's arena: chunks linked by their first word, blocks that start with their size.
private struct Arena {
    package static let chunkSize = 256 * 1024
    /// Block headers keep every block 16-byte aligned, as `malloc`'s are.
    package static let header = 16

    package var chunk: UnsafeMutableRawPointer
    package var used = header
    package var capacity = chunkSize
    package var documents = 0

    /// The calling thread's arena, made on first use and freed with the thread.
    package static var current: UnsafeMutablePointer<Arena> {
        if let arena = pthread_getspecific(key) { return arena.assumingMemoryBound(to: Arena.self) }
        let arena = UnsafeMutablePointer<Arena>.allocate(capacity: 1)
        arena.initialize(to: Arena(chunk: newChunk(chunkSize, after: nil)))
        pthread_setspecific(key, arena)
        return arena
    }

    /// Set once by ``makeKey()``, as ``CmarkArena/allocator`` is made, before cmark can call
    /// for memory. A plain variable rather than a lazy constant, and without exclusivity
    /// checks: cmark asks for memory many times per page, and either check cost more than
    /// the allocation.
    @exclusivity(unchecked) nonisolated(unsafe) private static var key = pthread_key_t()

    package static func makeKey() {
        pthread_key_create(&key) { pointer in
            guard let arena = pointer?.assumingMemoryBound(to: Arena.self) else { return }
            arena.pointee.reset()
            free(arena.pointee.chunk)
            arena.deallocate()
        }
    }

    private static func newChunk(_ capacity: Int, after previous: UnsafeMutableRawPointer?) -> UnsafeMutableRawPointer {
        guard let chunk = malloc(capacity) else { fatalError("out of memory") }
        chunk.storeBytes(of: previous, as: UnsafeMutableRawPointer?.self)
        return chunk
    }

    private static func rounded(_ size: Int) -> Int {
        (size + 15) & ~15
    }

    package mutating func allocate(_ size: Int) -> UnsafeMutableRawPointer {
        let needed = Self.header + Self.rounded(size)
        if used + needed > capacity {
            capacity = max(Self.chunkSize, needed + Self.header)
            chunk = Self.newChunk(capacity, after: chunk)
            used = Self.header
        }
        let block = chunk + used
        block.storeBytes(of: size, as: Int.self)
        used += needed
        return block + Self.header
    }

    /// Grows the last block in place when it can: cmark's buffers grow while nothing else is
    /// allocated, so most reallocations cost nothing.
    package mutating func reallocate(_ pointer: UnsafeMutableRawPointer?, to size: Int) -> UnsafeMutableRawPointer {
        guard let pointer else { return allocate(size) }
        let block = pointer - Self.header
        let old = block.load(as: Int.self)
        if size <= old { return pointer }
        if pointer + Self.rounded(old) == chunk + used, used + Self.rounded(size) - Self.rounded(old) <= capacity {
            used += Self.rounded(size) - Self.rounded(old)
            block.storeBytes(of: size, as: Int.self)
            return pointer
        }
        let moved = allocate(size)
        moved.copyMemory(from: pointer, byteCount: old)
        return moved
    }

    /// Frees every chunk but the first and empties it.
    package mutating func reset() {
        while let previous = chunk.load(as: UnsafeMutableRawPointer?.self) {
            free(chunk)
            chunk = previous
        }
        used = Self.header
        capacity = Self.chunkSize
    }
}
