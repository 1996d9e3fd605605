import HandbookCore

/// The text of every template in `Templates/`, read but not compiled, plus the static
/// assets to copy. Templating compiles them; only this stage touches the disk.
public struct TemplateSources: Sendable, Equatable {
    /// One template file.
    public struct Source: Sendable, Equatable {
        /// The name templates refer to it by: `page`, or a partial's `nav`.
        public var name: String
        /// The path shown in diagnostics: `Templates/partials/nav.mustache`.
        public var file: String
        public var text: String
    }

    /// The templates folder as the author named it.
    public var folder: String
    /// Top-level `*.mustache`: layouts and page kinds.
    public var templates: [Source]
    /// `partials/*.mustache`, plus `assets/*.css` so the 404 page can inline its styles.
    public var partials: [Source]
    /// Everything under `assets/`, copied to `assets/` in the output.
    public var assets: [Asset]

    /// Reads the templates folder.
    /// - Parameters:
    ///   - folder: The templates folder as the author named it.
    ///   - fileSystem: Where to read.
    /// - Returns: The sources, and diagnostics for unreadable files.
    /// - Throws: ``FileSystemError`` when the folder itself can't be listed.
    public static func load(from folder: String, fileSystem: FileSystem = .disk) throws -> (TemplateSources, [Diagnostic]) {
        guard fileSystem.kind(folder) != nil else {
            throw FileSystemError(path: folder, reason: "templates folder not found")
        }
        var diagnostics: [Diagnostic] = []
        func sources(in subfolder: String, extension ext: String, keepExtension: Bool = false) throws -> [Source] {
            let path = joinPath(folder, subfolder)
            guard fileSystem.kind(path) != nil else { return [] }
            return try fileSystem.list(path).compactMap { entry in
                guard entry.kind == .file || entry.kind == .symlink, entry.name.hasSuffix(ext) else { return nil }
                let file = joinPath(path, entry.name)
                guard let text = String(validating: try fileSystem.read(file), as: UTF8.self) else {
                    diagnostics.append(Diagnostic(file: file, rule: .encoding, message: Message.encoding()))
                    return nil
                }
                let name = keepExtension ? joinPath(subfolder, entry.name) : String(entry.name.dropLast(ext.count))
                return Source(name: name, file: file, text: text)
            }
        }
        let templates = try sources(in: "", extension: ".mustache")
        let partials = try sources(in: "partials", extension: ".mustache") + sources(in: "assets", extension: ".css", keepExtension: true)
        let assetRoot = joinPath(folder, "assets")
        var assets: [Asset] = []
        if fileSystem.kind(assetRoot) != nil {
            // The same walk as Content/, so symlinks get the same scrutiny; page-layout rules don't apply.
            let walk = try ContentWalk(root: assetRoot, fileSystem: fileSystem)
            diagnostics += walk.diagnostics.filter { $0.rule != .layout }
            assets = walk.allFiles.map { Asset(source: joinPath("assets", $0.source), absolutePath: $0.absolutePath) }
        }
        return (TemplateSources(folder: folder, templates: templates, partials: partials, assets: assets), diagnostics)
    }
}
