/// Files a watcher saw change: what a rebuild needs to know to re-read only those.
struct FileChanges: Sendable, Equatable {
    /// Absolute, symlink-free paths of changed files and folders.
    var paths: Set<String>
    /// The watcher lost track (its event queue overflowed, a watched folder went away):
    /// every file must be read again.
    var everything: Bool

    /// - Parameters:
    ///   - paths: The changed paths.
    ///   - everything: Whether every file must be read again.
    init(paths: Set<String> = [], everything: Bool = false) {
        self.paths = paths
        self.everything = everything
    }

    /// Whether nothing changed.
    var isEmpty: Bool { paths.isEmpty && !everything }

    /// Adds another batch's changes to these.
    mutating func merge(_ other: FileChanges) {
        paths.formUnion(other.paths)
        everything = everything || other.everything
    }

    /// The `changed` argument of `IncrementalBuild.rebuild(changed:)`.
    var changedForRebuild: Set<String>? { everything ? nil : paths }

    /// Whether a file name is an editor's or the system's, never content: hidden files (swap
    /// files, `.bridge.md.tmp` written before a rename) and `~` backups. The content walk
    /// skips the same names, so ignoring their events only saves rebuilds.
    static func isIgnored(name: some StringProtocol) -> Bool {
        name.hasPrefix(".") || name.hasSuffix("~")
    }
}

/// A source of ``FileChanges``: inotify (``InotifyWatcher``) or a stat scan (``PollingWatcher``).
protocol Watcher: Sendable {
    /// Reports changes until the task is cancelled.
    /// - Parameter report: Called with each group of changes, in order.
    func run(report: @escaping @Sendable (FileChanges) async -> Void) async throws
}
