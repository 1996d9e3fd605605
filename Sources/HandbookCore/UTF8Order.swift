#if canImport(Glibc)
import Glibc
#endif

/// Whether `a` sorts before `b` by UTF-8 bytes, as `a.utf8.lexicographicallyPrecedes(b.utf8)`
/// says, but comparing the bytes with `memcmp` where both strings are contiguous (native
/// strings are): paths are sorted by the thousand.
package func utf8Precedes(_ a: String, _ b: String) -> Bool {
    let result = a.utf8.withContiguousStorageIfAvailable { left in
        b.utf8.withContiguousStorageIfAvailable { right -> Bool in
            let shared = min(left.count, right.count)
            let order = shared == 0 ? 0 : memcmp(left.baseAddress!, right.baseAddress!, shared)
            return order != 0 ? order < 0 : left.count < right.count
        }
    }
    return (result ?? nil) ?? a.utf8.lexicographicallyPrecedes(b.utf8)
}
