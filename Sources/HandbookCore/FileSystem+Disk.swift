#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

extension FileSystem {
    /// The real disk, through POSIX calls: FileManager's enumeration and `Data` copies
    /// cost more than the Markdown rendering on a 10,000-page site.
    public static let disk = FileSystem(
        read: { path in try DiskIO.read(path) },
        list: { path in try DiskIO.list(path) },
        kind: { path in DiskIO.kind(path) },
        resolve: { path in try DiskIO.resolve(path) },
        write: { path, bytes in try DiskIO.write(path, bytes) },
        createDirectory: { path in try DiskIO.createDirectory(path) },
        exchange: { first, second in try DiskIO.exchange(first, second) },
        rename: { from, to in
            guard Glibc.rename(from, to) == 0 else { throw DiskIO.failure(from, "cannot rename to \(to)") }
        },
        remove: { path in try DiskIO.remove(path) },
        openForWriting: { path in try DiskIO.openForWriting(path) }
    )
}

/// POSIX helpers behind ``FileSystem/disk``.
package enum DiskIO {
    package static func failure(_ path: String, _ what: String) -> FileSystemError {
        FileSystemError(path: path, reason: "\(what): \(String(cString: strerror(errno)))")
    }

    package static func read(_ path: String) throws -> [UInt8] {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { throw failure(path, "cannot open") }
        defer { close(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0 else { throw failure(path, "cannot stat") }
        // One byte more than the size, so the read that finds the end needs no bigger buffer.
        var bytes = [UInt8](repeating: 0, count: Int(info.st_size) + 1)
        var filled = 0
        while true {
            if filled == bytes.count { bytes.append(contentsOf: repeatElement(0, count: 4096)) }
            let count = bytes.withUnsafeMutableBytes { buffer in
                Glibc.read(fd, buffer.baseAddress! + filled, buffer.count - filled)
            }
            if count < 0 {
                if errno == EINTR { continue }
                throw failure(path, "cannot read")
            }
            if count == 0 { break }
            filled += count
        }
        bytes.removeLast(bytes.count - filled)
        return bytes
    }

    package static func list(_ path: String) throws -> [FileSystem.Entry] {
        guard let dir = opendir(path) else { throw failure(path, "cannot list folder") }
        defer { closedir(dir) }
        var entries: [FileSystem.Entry] = []
        while let entry = readdir(dir) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                String(cString: raw.bindMemory(to: CChar.self).baseAddress!)
            }
            if name == "." || name == ".." { continue }
            let kind: FileSystem.Kind? = switch Int32(entry.pointee.d_type) {
            case Int32(DT_REG): .file
            case Int32(DT_DIR): .directory
            case Int32(DT_LNK): .symlink
            case Int32(DT_UNKNOWN): Self.kind(joinPath(path, name))
            default: .other
            }
            entries.append(.init(name: name, kind: kind ?? .other))
        }
        return entries.sorted { utf8Precedes($0.name, $1.name) }
    }

    package static func kind(_ path: String) -> FileSystem.Kind? {
        var info = stat()
        guard lstat(path, &info) == 0 else { return nil }
        switch info.st_mode & S_IFMT {
        case S_IFREG: return .file
        case S_IFDIR: return .directory
        case S_IFLNK: return .symlink
        default: return .other
        }
    }

    package static func resolve(_ path: String) throws -> String {
        guard let resolved = realpath(path, nil) else {
            throw failure(path, errno == ELOOP ? "symlink loop" : "cannot resolve")
        }
        defer { free(resolved) }
        return String(cString: resolved)
    }

    package static func write(_ path: String, _ bytes: [UInt8]) throws {
        let fd = try create(path)
        defer { close(fd) }
        try bytes.withUnsafeBytes { try write(fd, $0, path: path) }
    }

    package static func openForWriting(_ path: String) throws -> FileWriter {
        let fd = try create(path)
        return FileWriter(write: { try write(fd, $0, path: path) }, close: {
            guard Glibc.close(fd) == 0 else { throw failure(path, "cannot close") }
        })
    }

    private static func create(_ path: String) throws -> Int32 {
        let fd = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard fd >= 0 else { throw failure(path, "cannot create") }
        return fd
    }

    private static func write(_ fd: Int32, _ bytes: UnsafeRawBufferPointer, path: String) throws {
        var written = 0
        while written < bytes.count {
            let count = Glibc.write(fd, bytes.baseAddress! + written, bytes.count - written)
            if count < 0 {
                if errno == EINTR { continue }
                throw failure(path, "cannot write")
            }
            written += count
        }
    }

    package static func createDirectory(_ path: String) throws {
        if mkdir(path, 0o755) == 0 || errno == EEXIST { return }
        guard errno == ENOENT, let slash = path.lastIndex(of: "/"), slash != path.startIndex else {
            throw failure(path, "cannot create folder")
        }
        try createDirectory(String(path[..<slash]))
        guard mkdir(path, 0o755) == 0 || errno == EEXIST else { throw failure(path, "cannot create folder") }
    }

    /// `renameat2(…, RENAME_EXCHANGE)` looked up at run time: glibc has it since 2.28, but
    /// Swift's Glibc module does not export it.
    private typealias RenameAt2 = @convention(c) (Int32, UnsafePointer<CChar>, Int32, UnsafePointer<CChar>, UInt32) -> Int32
    private static let renameAt2: RenameAt2? = {
        guard let symbol = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "renameat2") else { return nil }
        return unsafeBitCast(symbol, to: RenameAt2.self)
    }()

    package static func exchange(_ first: String, _ second: String) throws {
        let renameExchange: UInt32 = 2
        guard let renameAt2 else { throw FileSystemError(path: first, reason: "atomic exchange is not available") }
        guard renameAt2(AT_FDCWD, first, AT_FDCWD, second, renameExchange) == 0 else {
            throw failure(first, "cannot exchange with \(second)")
        }
    }

    package static func remove(_ path: String) throws {
        guard let kind = kind(path) else { return }
        if kind == .directory {
            for entry in try list(path) {
                try remove(joinPath(path, entry.name))
            }
            guard rmdir(path) == 0 else { throw failure(path, "cannot remove folder") }
        } else {
            guard unlink(path) == 0 else { throw failure(path, "cannot remove") }
        }
    }
}
