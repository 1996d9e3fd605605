import HandbookCore

/// The files found under `Content/`, classified but not yet read.
package struct ContentWalk: Sendable {
    /// Markdown files, by path relative to the content folder.
    package var markdown: [(source: String, absolute: String)] = []
    package var assets: [Asset] = []
    /// Section folders (top-level folders holding Markdown), sorted.
    package var sectionFolders: Set<String> = []
    package var diagnostics: [Diagnostic] = []

    /// Every file found, Markdown included, as assets to copy.
    package var allFiles: [Asset] {
        (assets + markdown.map { Asset(source: $0.source, absolutePath: $0.absolute) })
            .sorted { utf8Precedes($0.source, $1.source) }
    }

    /// Files at the top of `Content/` that are settings, not pages or assets.
    package static let settingsFiles: Set<String> = ["handbook.yml", "topics.yml"]

    /// Walks the content folder. Symlinks are followed only when they resolve inside it;
    /// links that leave it, dangle or loop are reported and skipped.
    /// - Parameters:
    ///   - root: The content folder as the author named it (used in diagnostics).
    ///   - fileSystem: Where to read.
    /// - Throws: ``FileSystemError`` when the content folder itself can't be read.
    package init(root: String, fileSystem: FileSystem) throws {
        let realRoot = try fileSystem.resolve(root)
        try walk(folder: realRoot, relative: "", root: root, realRoot: realRoot, fileSystem: fileSystem, ancestors: [realRoot])
        // Sorted folders walked in order give sorted paths, unless a name sorts before `/`.
        if !markdown.isSorted(by: { $0.source }) { markdown.sort { utf8Precedes($0.source, $1.source) } }
        if !assets.isSorted(by: { $0.source }) { assets.sort { utf8Precedes($0.source, $1.source) } }
    }

    private mutating func walk(
        folder: String, relative: String, root: String, realRoot: String,
        fileSystem: FileSystem, ancestors: Set<String>
    ) throws {
        for entry in try fileSystem.list(folder) {
            // Hidden files and editor backups are never content.
            if entry.name.utf8.first == UInt8(ascii: ".") || entry.name.utf8.last == UInt8(ascii: "~") { continue }
            let source = joinPath(relative, entry.name)
            var absolute = joinPath(folder, entry.name)
            var kind = entry.kind
            if kind == .symlink {
                guard let target = follow(absolute, source: source, root: root, realRoot: realRoot, fileSystem: fileSystem)
                else { continue }
                absolute = target
                kind = fileSystem.kind(target) ?? .other
            }
            switch kind {
            case .directory:
                // A folder link back to one of its own ancestors would be walked forever.
                guard !ancestors.contains(absolute) else {
                    diagnostics.append(Diagnostic(file: joinPath(root, source), rule: .symlinkLoop, message: Message.symlinkLoop))
                    continue
                }
                try walk(folder: absolute, relative: source, root: root, realRoot: realRoot,
                         fileSystem: fileSystem, ancestors: ancestors.union([absolute]))
            case .file:
                add(file: source, absolute: absolute, root: root)
            case .symlink, .other:
                continue
            }
        }
    }

    /// Resolves a symlink, or reports why it is not followed.
    private mutating func follow(_ link: String, source: String, root: String, realRoot: String, fileSystem: FileSystem) -> String? {
        let file = joinPath(root, source)
        let target: String
        do {
            target = try fileSystem.resolve(link)
        } catch {
            let isLoop = (error as? FileSystemError)?.reason.hasPrefix("symlink loop") == true
            diagnostics.append(Diagnostic(
                file: file, rule: isLoop ? .symlinkLoop : .symlinkBroken,
                message: isLoop ? Message.symlinkLoop : Message.symlinkBroken))
            return nil
        }
        guard target == realRoot || target.hasPrefix(realRoot + "/") else {
            diagnostics.append(Diagnostic(file: file, rule: .symlinkOutside, message: Message.symlinkOutside(target)))
            return nil
        }
        return target
    }

    private mutating func add(file source: String, absolute: String, root: String) {
        let (depth, folder) = Self.depthAndFolder(source)
        if depth == 1, Self.settingsFiles.contains(source) { return }
        guard source.hasUTF8Suffix(".md") else {
            assets.append(Asset(source: source, absolutePath: absolute))
            return
        }
        switch depth {
        case 1:
            diagnostics.append(Diagnostic(file: joinPath(root, source), rule: .layout, message: Message.pageOutsideSection))
        case 2:
            markdown.append((source, absolute))
            sectionFolders.insert(String(folder))
        default:
            diagnostics.append(Diagnostic(file: joinPath(root, source), rule: .layout, message: Message.nestedPage))
        }
    }

    /// How many parts `source.split(separator: "/")` has, and the first. That split walks
    /// Characters; on ASCII, where each byte is one, the slashes are counted as bytes.
    private static func depthAndFolder(_ source: String) -> (Int, Substring) {
        guard source.utf8.allSatisfy({ $0 < 0x80 }) else {
            let parts = source.split(separator: "/")
            return (parts.count, parts.first ?? "")
        }
        var depth = 0, inPart = false
        var folderEnd: String.Index?
        for index in source.utf8.indices {
            if source.utf8[index] == UInt8(ascii: "/") {
                if inPart, folderEnd == nil { folderEnd = index }
                inPart = false
            } else if !inPart {
                inPart = true
                depth += 1
            }
        }
        let folderStart = source.utf8.firstIndex { $0 != UInt8(ascii: "/") } ?? source.endIndex
        return (depth, source[folderStart..<(folderEnd ?? source.endIndex)])
    }
}

extension Array {
    /// Whether the elements' keys are in UTF-8 byte order already.
    package func isSorted(by key: (Element) -> String) -> Bool {
        zip(self, dropFirst()).allSatisfy { !utf8Precedes(key($1), key($0)) }
    }
}
