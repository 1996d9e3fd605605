/// A value kept in one heap box that copies share, copied only when a copy that shares it
/// changes: what the standard library's arrays do, for a struct of many fields.
///
/// Pages are taken out of the site by every stage after loading, and a page copied field by
/// field costs a reference count for each of its dozens of strings and arrays.
public struct CopyOnWrite<Value: Sendable & Equatable>: Sendable, Equatable {
    // Public and inlinable, with what it reads: every stage reads pages through it from
    // another module, and Swift 6.3 does not inline `@inlinable package` code across modules.
    @usableFromInline var box: Box

    @inlinable public init(_ value: Value) {
        box = Box(value)
    }

    @inlinable public var value: Value {
        _read { yield box.value }
        _modify {
            if !isKnownUniquelyReferenced(&box) { box = Box(box.value) }
            yield &box.value
        }
    }

    @inlinable public static func == (lhs: CopyOnWrite, rhs: CopyOnWrite) -> Bool {
        lhs.box === rhs.box || lhs.box.value == rhs.box.value
    }

    /// Changed only through the one `CopyOnWrite` that holds it (see ``value``), so no two
    /// threads ever see a change.
    @usableFromInline final class Box: @unchecked Sendable {
        @usableFromInline var value: Value
        @usableFromInline init(_ value: Value) { self.value = value }
    }
}
