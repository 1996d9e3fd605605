import Foundation
import Testing
@testable import HandbookKit
@testable import HandbookCore
@testable import Writing

@Suite struct AtomicWriteTests {
    /// The disk, except that writing fails after `limit` files: a build dying halfway.
    static func failingDisk(after limit: Int) -> FileSystem {
        var fileSystem = FileSystem.disk
        let counter = Counter()
        fileSystem.write = { path, bytes in
            guard counter.next() < limit else { throw FileSystemError(path: path, reason: "disk full (injected)") }
            try FileSystem.disk.write(path, bytes)
        }
        return fileSystem
    }

    @Test func aBuildThatFailsHalfwayLeavesThePreviousOutputIntact() async throws {
        let fixture = try Fixture("minimal")
        defer { fixture.remove() }
        _ = try await fixture.build().run()
        let before = try Fixture.snapshot(of: fixture.output)
        try fixture.write("Content/understanding/basics.md", try fixture.read("Content/understanding/basics.md") + "\nNew text.\n")
        await #expect(throws: FileSystemError.self) {
            _ = try await fixture.build(fileSystem: Self.failingDisk(after: 5)).run()
        }
        #expect(try Fixture.snapshot(of: fixture.output) == before)
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: fixture.folder.path).filter { $0.hasPrefix(".Public.") }
        #expect(leftovers.isEmpty, "the failed build cleans its staging folder")
    }

    @Test func aBuildWithContentErrorsWritesNothing() async throws {
        let fixture = try Fixture("minimal")
        defer { fixture.remove() }
        _ = try await fixture.build().run()
        let before = try Fixture.snapshot(of: fixture.output)
        try fixture.write("Content/understanding/basics.md", "---\ntitle: [unclosed\n---\n")
        let report = try await fixture.build().run()
        #expect(report.diagnostics.hasErrors)
        #expect(try Fixture.snapshot(of: fixture.output) == before)
    }

    @Test func stalePagesDisappear() async throws {
        let fixture = try Fixture("minimal")
        defer { fixture.remove() }
        _ = try await fixture.build().run()
        try fixture.write("Public/understanding/old-page.html", "stale")
        try FileManager.default.removeItem(atPath: fixture.content + "/exercises/bridge.svg")
        try fixture.write("Content/exercises/bridge.md", try fixture.read("Content/exercises/bridge.md")
            .replacingOccurrences(of: "![Person on their back lifting hips](bridge.svg)", with: ""))
        _ = try await fixture.build().run()
        let files = try Fixture.snapshot(of: fixture.output)
        #expect(files["understanding/old-page.html"] == nil)
        #expect(files["exercises/bridge.svg"] == nil)
        #expect(files["exercises/bridge.html"] != nil)
    }

    @Test func leftoversOfAKilledBuildAreCleaned() async throws {
        let fixture = try Fixture("minimal")
        defer { fixture.remove() }
        // A pid that cannot be running: above the kernel's pid_max.
        try fixture.write(".Public.building-99999999/index.html", "half-written")
        _ = try await fixture.build().run()
        let names = try FileManager.default.contentsOfDirectory(atPath: fixture.folder.path)
        #expect(!names.contains(".Public.building-99999999"))
        #expect(names.contains("Public"))
    }

    @Test func stagingFoldersSitBesideTheOutput() {
        let staging = StagingFolders(output: "/tmp/site/Public/")
        #expect(staging.parent == "/tmp/site")
        #expect(staging.building.hasPrefix("/tmp/site/.Public.building-"))
        #expect(StagingFolders(output: "Public").parent == ".")
    }
}

/// A thread-safe counter for the injected file system.
final class Counter: @unchecked Sendable {
    // Safe: every access to `value` holds `lock`.
    private let lock = NSLock()
    private var value = 0
    func next() -> Int {
        lock.lock()
        defer { lock.unlock() }
        value += 1
        return value - 1
    }
}
