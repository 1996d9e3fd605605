import HandbookCore
import Templating
#if canImport(Glibc)
import Glibc
#endif

extension OutputSink {
    /// Files written into `root` on `fileSystem`, folders made first.
    public static func folder(_ root: String, fileSystem: FileSystem) -> OutputSink {
        OutputSink(
            prepare: { try OutputPlan.createFolders(for: $0, in: root, fileSystem: fileSystem) },
            open: { try fileSystem.openForWriting(joinPath(root, $0.value)) },
            write: { try fileSystem.write(joinPath(root, $0.value), $1) },
            copy: { try fileSystem.write(joinPath(root, $1.value), try fileSystem.read($0)) }
        )
    }
}

extension OutputPlan {
    /// Writes the plan to `folder` atomically (see ``AtomicFolder``).
    /// - Parameters:
    ///   - folder: The output folder, such as `Public`.
    ///   - fileSystem: Where to write.
    /// - Throws: ``FileSystemError``; the output folder is then untouched.
    public func write(to folder: String, fileSystem: FileSystem = .disk) async throws {
        let files = self.files
        try await AtomicFolder.replace(folder, fileSystem: fileSystem) { root in
            let paths = sortedPaths
            try Self.createFolders(for: paths, in: root, fileSystem: fileSystem)
            _ = try await paths.concurrentMap { path in
                let target = joinPath(root, path.value)
                switch files[path]! {
                case .bytes(let bytes): try fileSystem.write(target, bytes)
                case .copy(let source): try fileSystem.write(target, try fileSystem.read(source))
                }
            }
        }
    }

    /// Creates the folders the files at `paths` go in, parents first.
    package static func createFolders(for paths: [SitePath], in root: String, fileSystem: FileSystem) throws {
        // Sorted, a folder comes before the folders inside it.
        for folder in Set(paths.map(\.folder).filter { !$0.isEmpty }).sorted() {
            try fileSystem.createDirectory(joinPath(root, folder))
        }
    }
}

/// Replaces a folder as a whole: everything goes into a temporary folder beside it (same file
/// system), which then takes the old folder's place in one `rename`-exchange. A failed,
/// crashed or killed build leaves either the old complete site or the new one, never a mix;
/// stale files vanish with the old folder.
package enum AtomicFolder {
    /// - Parameters:
    ///   - folder: The folder to replace, such as `Public`.
    ///   - fileSystem: Where to write.
    ///   - fill: Writes the new contents into the temporary folder it is given.
    /// - Throws: What `fill` throws, or ``FileSystemError``; the folder is then untouched.
    package static func replace(_ folder: String, fileSystem: FileSystem, filling fill: (String) async throws -> Void) async throws {
        let staging = StagingFolders(output: folder)
        staging.removeLeftovers(fileSystem: fileSystem)
        try fileSystem.createDirectory(staging.building)
        do {
            try await fill(staging.building)
        } catch {
            try? fileSystem.remove(staging.building)
            throw error
        }
        try swap(staging, fileSystem: fileSystem)
    }

    private static func swap(_ staging: StagingFolders, fileSystem: FileSystem) throws {
        guard fileSystem.kind(staging.output) != nil else {
            try fileSystem.rename(staging.building, staging.output)
            return
        }
        do {
            try fileSystem.exchange(staging.building, staging.output)
        } catch {
            // No atomic exchange on this system: two renames, with the old site kept until
            // the new one is in place, so a crash in between leaves a complete copy on disk.
            try fileSystem.rename(staging.output, staging.retired)
            try fileSystem.rename(staging.building, staging.output)
            try? fileSystem.remove(staging.retired)
            return
        }
        // After the exchange the staging name holds the old site.
        try? fileSystem.remove(staging.building)
    }
}

/// The temporary folders beside the output: `.Public.building-<pid>` and `.Public.retired-<pid>`.
package struct StagingFolders {
    package var output: String
    package var parent: String
    package var name: String
    package var building: String { joinPath(parent, ".\(name).building-\(getpid())") }
    package var retired: String { joinPath(parent, ".\(name).retired-\(getpid())") }

    package init(output: String) {
        var trimmed = output
        while trimmed.count > 1, trimmed.hasSuffix("/") { trimmed.removeLast() }
        self.output = trimmed
        if let slash = trimmed.lastIndex(of: "/") {
            parent = slash == trimmed.startIndex ? "/" : String(trimmed[..<slash])
            name = String(trimmed[trimmed.index(after: slash)...])
        } else {
            parent = "."
            name = trimmed
        }
    }

    /// Removes folders left by builds that were killed: those whose process is gone.
    package func removeLeftovers(fileSystem: FileSystem) {
        guard let entries = try? fileSystem.list(parent) else { return }
        for entry in entries {
            for prefix in [".\(name).building-", ".\(name).retired-"] where entry.name.hasPrefix(prefix) {
                guard let pid = Int32(entry.name.dropFirst(prefix.count)) else { continue }
                if pid == getpid() || (kill(pid, 0) != 0 && errno == ESRCH) {
                    try? fileSystem.remove(joinPath(parent, entry.name))
                }
            }
        }
    }
}
