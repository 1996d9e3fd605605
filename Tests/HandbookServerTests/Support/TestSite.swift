import Foundation
import HandbookKit
import HandbookCore
@testable import HandbookServer

/// A copy of the `minimal` fixture site and the project's templates in a fresh temporary
/// folder: servers under test watch and rebuild it, never the repository.
struct TestSite {
    static let packageRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let minimal = packageRoot.appendingPathComponent("Tests/HandbookKitTests/Fixtures/minimal")

    /// The temporary folder, holding `Content/` and `Templates/` (and never `Public/`).
    let folder: URL

    init() throws {
        let manager = FileManager.default
        // Resolved, so paths match what the watcher and the build report (`/tmp` may be a link).
        let base = URL(fileURLWithPath: try FileSystem.disk.resolve(manager.temporaryDirectory.path))
        folder = base.appendingPathComponent("handbook-serve-test-\(UUID().uuidString)")
        try manager.createDirectory(at: folder, withIntermediateDirectories: true)
        try manager.copyItem(at: Self.packageRoot.appendingPathComponent("Templates"), to: folder.appendingPathComponent("Templates"))
        try manager.copyItem(at: Self.minimal.appendingPathComponent("Content"), to: folder.appendingPathComponent("Content"))
    }

    var content: String { folder.appendingPathComponent("Content").path }
    var templates: String { folder.appendingPathComponent("Templates").path }

    func path(_ relative: String) -> String { folder.appendingPathComponent(relative).path }

    func read(_ relative: String) throws -> String {
        try String(contentsOfFile: path(relative), encoding: .utf8)
    }

    /// Writes a file in place (open, truncate, write), as most editors save.
    func write(_ relative: String, _ text: String) throws {
        let url = folder.appendingPathComponent(relative)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(text.utf8).write(to: url)
    }

    /// Replaces a file in place, with `old` replaced by `new` in its text.
    func edit(_ relative: String, replacing old: String, with new: String) throws {
        let text = try read(relative)
        precondition(text.contains(old), "\(relative) has no \(old)")
        try write(relative, text.replacingOccurrences(of: old, with: new))
    }

    /// Saves as editors that write a hidden temporary file and rename it over the original do.
    func saveThroughRename(_ relative: String, _ text: String) throws {
        let url = folder.appendingPathComponent(relative)
        let temporary = url.deletingLastPathComponent().appendingPathComponent(".\(url.lastPathComponent).tmp")
        try Data(text.utf8).write(to: temporary)
        guard rename(temporary.path, url.path) == 0 else { throw CocoaError(.fileWriteUnknown) }
    }

    func remove() {
        try? FileManager.default.removeItem(at: folder)
    }

    /// The server configuration for this site, on a free loopback port.
    var configuration: PreviewServer.Configuration {
        var configuration = PreviewServer.Configuration()
        configuration.port = 0
        configuration.contentFolder = content
        configuration.templatesFolder = templates
        return configuration
    }
}
