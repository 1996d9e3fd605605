import Foundation
@testable import HandbookKit
@testable import HandbookCore
@testable import Loading

/// A fixture site copied into a fresh temporary folder, so builds never touch the
/// repository. Invalid cases overlay their few files onto the `minimal` site.
struct Fixture {
    static let root = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("Fixtures")
    static let packageRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// The temporary site folder, holding `Content/` and `Templates/`.
    let folder: URL

    /// Copies `Fixtures/<name>` (after `Fixtures/<base>` when given) and the project's templates.
    init(_ name: String, base: String? = nil) throws {
        let manager = FileManager.default
        folder = manager.temporaryDirectory.appendingPathComponent("handbook-test-\(UUID().uuidString)")
        try manager.createDirectory(at: folder, withIntermediateDirectories: true)
        try manager.copyItem(at: Self.packageRoot.appendingPathComponent("Templates"),
                             to: folder.appendingPathComponent("Templates"))
        if let base { try Self.overlay(Self.root.appendingPathComponent(base), onto: folder) }
        try Self.overlay(Self.root.appendingPathComponent(name), onto: folder)
    }

    var content: String { folder.appendingPathComponent("Content").path }
    var templates: String { folder.appendingPathComponent("Templates").path }
    var output: String { folder.appendingPathComponent("Public").path }

    func build(drafts: Bool = false, fileSystem: FileSystem = .disk) -> Build {
        Build(contentFolder: content, templatesFolder: templates, outputFolder: output,
              includeDrafts: drafts, fileSystem: fileSystem)
    }

    /// Diagnostics as text, with the temporary folder replaced by `[ROOT]`.
    func lines(_ diagnostics: [Diagnostic]) -> [String] {
        diagnostics.map { $0.description.replacingOccurrences(of: folder.path, with: "[ROOT]") }
    }

    func write(_ relative: String, _ text: String) throws {
        try write(relative, Data(text.utf8))
    }

    func write(_ relative: String, _ data: Data) throws {
        let url = folder.appendingPathComponent(relative)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try data.write(to: url)
    }

    func read(_ relative: String) throws -> String {
        try String(contentsOf: folder.appendingPathComponent(relative), encoding: .utf8)
    }

    func remove() {
        try? FileManager.default.removeItem(at: folder)
    }

    /// Every file under a folder, by relative path, with its bytes.
    static func snapshot(of folder: String) throws -> [String: Data] {
        var files: [String: Data] = [:]
        let base = URL(fileURLWithPath: folder)
        guard let enumerator = FileManager.default.enumerator(at: base, includingPropertiesForKeys: [.isRegularFileKey]) else { return [:] }
        for case let url as URL in enumerator where (try? url.resourceValues(forKeys: [.isRegularFileKey]).isRegularFile) == true {
            let relative = String(url.standardizedFileURL.path.dropFirst(base.standardizedFileURL.path.count + 1))
            files[relative] = try Data(contentsOf: url)
        }
        return files
    }

    /// Copies a folder's contents onto another, keeping symlinks as symlinks.
    private static func overlay(_ source: URL, onto target: URL) throws {
        let manager = FileManager.default
        for name in try manager.contentsOfDirectory(atPath: source.path) {
            let from = source.appendingPathComponent(name), to = target.appendingPathComponent(name)
            let attributes = try manager.attributesOfItem(atPath: from.path)
            if attributes[.type] as? FileAttributeType == .typeSymbolicLink {
                try? manager.removeItem(at: to)
                try manager.createSymbolicLink(atPath: to.path, withDestinationPath: manager.destinationOfSymbolicLink(atPath: from.path))
            } else if attributes[.type] as? FileAttributeType == .typeDirectory {
                try manager.createDirectory(at: to, withIntermediateDirectories: true)
                try overlay(from, onto: to)
            } else {
                try? manager.removeItem(at: to)
                try manager.copyItem(at: from, to: to)
            }
        }
    }
}

extension EmergencySettings {
    /// Settings for configs made in code.
    static let test = EmergencySettings(number: "911", urgent: "your doctor", note: "or your local emergency number")
}
