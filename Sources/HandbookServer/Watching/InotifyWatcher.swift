import Foundation
import Glibc

/// The native back end: Linux inotify, one watch per folder, folders that appear watched as
/// they appear. Events arrive within a fraction of a millisecond and idle costs nothing.
/// ``PollingWatcher`` is the fallback for file systems without inotify (some network and
/// container mounts).
struct InotifyWatcher: Watcher {
    private let queue: InotifyQueue

    /// Starts watching now, so nothing written after this returns is missed, even before ``run(report:)``.
    /// - Parameter roots: Absolute, symlink-free folders to watch, with everything below them.
    /// - Throws: ``WatcherError`` when inotify is unavailable or a folder can't be watched.
    init(roots: [String]) throws {
        queue = try InotifyQueue(roots: roots)
    }

    func run(report: @escaping @Sendable (FileChanges) async -> Void) async throws {
        let changes = queue.start()
        await withTaskCancellationHandler {
            for await change in changes { await report(change) }
        } onCancel: {
            queue.stop()
        }
    }
}

/// Owns the inotify descriptor, the pipe that wakes its reader, and the reader thread.
///
/// `@unchecked Sendable`, and safe: the descriptors are set in `init` and never change; the
/// watch table is touched by `init` and, after `start()`, by the reader thread only; `stop()`
/// only writes one byte to the wake pipe. The descriptors are closed in `deinit`, after the
/// reader thread (which holds a reference) has finished.
final class InotifyQueue: @unchecked Sendable {
    private let descriptor: Int32
    private let wake: (read: Int32, write: Int32)
    private var watches: [Int32: String] = [:]
    private let roots: [String]

    private static let mask = UInt32(IN_MODIFY | IN_ATTRIB | IN_CLOSE_WRITE | IN_MOVED_FROM | IN_MOVED_TO | IN_CREATE
        | IN_DELETE | IN_DELETE_SELF | IN_MOVE_SELF | IN_ONLYDIR | IN_DONT_FOLLOW | IN_EXCL_UNLINK)

    init(roots: [String]) throws {
        descriptor = inotify_init1(Int32(IN_CLOEXEC))
        guard descriptor >= 0 else { throw WatcherError.unavailable(String(cString: strerror(errno))) }
        var pipeEnds: [Int32] = [0, 0]
        guard pipe(&pipeEnds) == 0 else {
            close(descriptor)
            throw WatcherError.unavailable(String(cString: strerror(errno)))
        }
        wake = (pipeEnds[0], pipeEnds[1])
        self.roots = roots
        for root in roots { try watchTree(root) }
    }

    deinit {
        close(descriptor)
        close(wake.read)
        close(wake.write)
    }

    /// Starts the reader thread.
    /// - Returns: The changes it reads, one element per `read` of the event queue.
    func start() -> AsyncStream<FileChanges> {
        let (stream, continuation) = AsyncStream.makeStream(of: FileChanges.self)
        let thread = Thread { [self] in
            while let changes = readEvents() {
                if !changes.isEmpty { continuation.yield(changes) }
            }
            continuation.finish()
        }
        thread.name = "handbook-inotify"
        thread.start()
        return stream
    }

    /// Wakes the reader thread and ends it.
    func stop() {
        var byte: UInt8 = 1
        _ = write(wake.write, &byte, 1)
    }

    /// Blocks until events arrive; nil once stopped.
    private func readEvents() -> FileChanges? {
        var fds = [pollfd(fd: descriptor, events: Int16(POLLIN), revents: 0), pollfd(fd: wake.read, events: Int16(POLLIN), revents: 0)]
        guard poll(&fds, 2, -1) >= 0 || errno == EINTR else { return nil }
        if fds[1].revents != 0 { return nil }
        guard fds[0].revents != 0 else { return FileChanges() }
        var buffer = [UInt8](repeating: 0, count: 64 * 1024)
        let count = buffer.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
        guard count > 0 else { return count < 0 && errno == EINTR ? FileChanges() : nil }
        return parse(buffer[..<count])
    }

    private func parse(_ bytes: ArraySlice<UInt8>) -> FileChanges {
        var changes = FileChanges()
        var offset = bytes.startIndex
        let header = MemoryLayout<inotify_event>.size
        while offset + header <= bytes.endIndex {
            let event = bytes.withUnsafeBytes { $0.loadUnaligned(fromByteOffset: offset - bytes.startIndex, as: inotify_event.self) }
            let nameBytes = bytes[(offset + header)..<(offset + header + Int(event.len))].prefix { $0 != 0 }
            offset += header + Int(event.len)
            handle(event, name: String(decoding: nameBytes, as: UTF8.self), into: &changes)
        }
        return changes
    }

    private func handle(_ event: inotify_event, name: String, into changes: inout FileChanges) {
        let mask = Int32(bitPattern: event.mask)
        if mask & Int32(IN_Q_OVERFLOW) != 0 {
            changes.everything = true
            return
        }
        if mask & Int32(IN_IGNORED) != 0 {
            watches[event.wd] = nil
            return
        }
        guard let folder = watches[event.wd] else { return }
        if mask & Int32(IN_DELETE_SELF | IN_MOVE_SELF) != 0 {
            // A watched root replaced as a whole: watch the new one, re-read everything.
            if roots.contains(folder) { try? watchTree(folder) }
            changes.everything = changes.everything || roots.contains(folder)
            return
        }
        guard !name.isEmpty, !FileChanges.isIgnored(name: name) else { return }
        let path = folder + "/" + name
        changes.paths.insert(path)
        if mask & Int32(IN_ISDIR) != 0, mask & Int32(IN_CREATE | IN_MOVED_TO) != 0 {
            // Files may have landed in it before its watch existed: report them too.
            try? watchTree(path, reportingInto: &changes)
        }
    }

    private func watchTree(_ folder: String) throws {
        var ignored = FileChanges()
        try watchTree(folder, reportingInto: &ignored)
    }

    /// Watches a folder and every folder below it, noting every file found.
    private func watchTree(_ folder: String, reportingInto changes: inout FileChanges) throws {
        let watch = inotify_add_watch(descriptor, folder, Self.mask)
        guard watch >= 0 else { throw WatcherError.cannotWatch(folder, String(cString: strerror(errno))) }
        watches[watch] = folder
        for entry in FolderEntry.entries(of: folder) {
            changes.paths.insert(entry.path)
            if entry.isFolder { try? watchTree(entry.path, reportingInto: &changes) }
        }
    }
}

/// Why a watcher could not start.
enum WatcherError: Error, CustomStringConvertible {
    case unavailable(String)
    case cannotWatch(String, String)

    var description: String {
        switch self {
        case .unavailable(let reason): "cannot use inotify (\(reason)); try --poll"
        case .cannotWatch(let folder, let reason): "cannot watch \(folder) (\(reason)); try --poll"
        }
    }
}
