/// The tool's only door to files: a struct of closures, so tests can swap one
/// (a writer that fails halfway, say) and keep the rest on disk.
///
/// Only `Loading/` and `Writing/` take one; every other stage is a pure function.
public struct FileSystem: Sendable {
    /// What a directory entry is, without following symlinks.
    public enum Kind: Sendable, Equatable {
        case file, directory, symlink, other
    }

    /// One name in a directory listing.
    public struct Entry: Sendable, Equatable {
        public var name: String
        public var kind: Kind
        public init(name: String, kind: Kind) {
            self.name = name
            self.kind = kind
        }
    }

    /// Reads a whole file.
    public var read: @Sendable (_ path: String) throws -> [UInt8]
    /// Lists a directory, sorted by name, without `.` and `..`.
    public var list: @Sendable (_ path: String) throws -> [Entry]
    /// The kind of what is at a path, not following a final symlink; nil when nothing is there.
    public var kind: @Sendable (_ path: String) -> Kind?
    /// The canonical absolute path, following every symlink; throws on loops and dangling links.
    public var resolve: @Sendable (_ path: String) throws -> String
    /// Creates or replaces a file.
    public var write: @Sendable (_ path: String, _ bytes: [UInt8]) throws -> Void
    /// Creates a directory and any missing parents.
    public var createDirectory: @Sendable (_ path: String) throws -> Void
    /// Atomically swaps two existing paths (Linux `RENAME_EXCHANGE`), or throws if the system can't.
    public var exchange: @Sendable (_ first: String, _ second: String) throws -> Void
    /// Renames a path, replacing an empty directory or a file at the destination.
    public var rename: @Sendable (_ from: String, _ to: String) throws -> Void
    /// Removes a file or a whole directory tree; nothing there is not an error.
    public var remove: @Sendable (_ path: String) throws -> Void
    /// Creates or replaces a file to write a piece at a time, so a big page need not be held whole.
    public var openForWriting: @Sendable (_ path: String) throws -> FileWriter

    /// Creates a file system from its operations.
    public init(
        read: @escaping @Sendable (String) throws -> [UInt8],
        list: @escaping @Sendable (String) throws -> [Entry],
        kind: @escaping @Sendable (String) -> Kind?,
        resolve: @escaping @Sendable (String) throws -> String,
        write: @escaping @Sendable (String, [UInt8]) throws -> Void,
        createDirectory: @escaping @Sendable (String) throws -> Void,
        exchange: @escaping @Sendable (String, String) throws -> Void,
        rename: @escaping @Sendable (String, String) throws -> Void,
        remove: @escaping @Sendable (String) throws -> Void,
        openForWriting: (@Sendable (String) throws -> FileWriter)? = nil
    ) {
        self.read = read
        self.list = list
        self.kind = kind
        self.resolve = resolve
        self.write = write
        self.createDirectory = createDirectory
        self.exchange = exchange
        self.rename = rename
        self.remove = remove
        // Without its own, a file system gathers the pieces and writes them whole through
        // `write`: right for one in memory, where holding the bytes is the point.
        self.openForWriting = openForWriting ?? { path in FileWriter.gathering { try write(path, $0) } }
    }
}

/// An I/O failure: the tool exits with status 2, not 1, because the content is not at fault.
public struct FileSystemError: Error, Sendable, Equatable, CustomStringConvertible {
    public var path: String
    public var reason: String
    public init(path: String, reason: String) {
        self.path = path
        self.reason = reason
    }
    public var description: String { "\(path): \(reason)" }
}

/// Joins path components with `/`, ignoring empty ones.
package func joinPath(_ parts: String...) -> String {
    joinPath(parts)
}

/// Joins two path components with `/` unless the first ends in one, ignoring an empty one:
/// written once into a string of its size. Every file walked, read and written joins two.
package func joinPath(_ first: String, _ second: String) -> String {
    guard !first.isEmpty else { return second }
    guard !second.isEmpty else { return first }
    var first = first, second = second
    return first.withUTF8 { head in
        second.withUTF8 { tail in
            let slash = head.last != UInt8(ascii: "/")
            return String(unsafeUninitializedCapacity: head.count + tail.count + (slash ? 1 : 0)) { path in
                var end = path.initialize(fromContentsOf: head)
                if slash {
                    path[end] = UInt8(ascii: "/")
                    end += 1
                }
                return UnsafeMutableBufferPointer(rebasing: path[end...]).initialize(fromContentsOf: tail) + end
            }
        }
    }
}

/// Joins path components two at a time, as ``joinPath(_:_:)`` joins them.
package func joinPath(_ parts: [String]) -> String {
    parts.reduce("") { joinPath($0, $1) }
}
