import Glibc

/// One name in a folder a watcher looks at.
struct FolderEntry {
    var path: String
    var isFolder: Bool

    /// The entries of a folder, as `readdir` lists them, without `.`, `..` and the names
    /// watchers ignore (``FileChanges/isIgnored(name:)``); none when it can't be opened.
    static func entries(of folder: String) -> [FolderEntry] {
        guard let directory = opendir(folder) else { return [] }
        defer { closedir(directory) }
        var entries: [FolderEntry] = []
        while let entry = readdir(directory) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { String(decoding: $0.prefix { $0 != 0 }, as: UTF8.self) }
            guard name != ".", name != "..", !FileChanges.isIgnored(name: name) else { continue }
            let path = folder + "/" + name
            var isFolder = entry.pointee.d_type == UInt8(DT_DIR)
            if entry.pointee.d_type == UInt8(DT_UNKNOWN) {
                // Some file systems don't fill in the type.
                var info = stat()
                isFolder = lstat(path, &info) == 0 && info.st_mode & S_IFMT == S_IFDIR
            }
            entries.append(FolderEntry(path: path, isFolder: isFolder))
        }
        return entries
    }
}
