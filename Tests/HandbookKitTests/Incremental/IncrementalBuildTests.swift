import Foundation
import Testing
@testable import HandbookKit
@testable import HandbookCore
@testable import Templating

/// An incremental rebuild after each kind of edit must produce exactly what a full build of
/// the edited site produces, while filling only the pages the edit shows up on.
@Suite struct IncrementalBuildTests {
    /// A fixture with an incremental build that has built it once.
    struct Session {
        let fixture: Fixture
        var build: IncrementalBuild
        let root: String

        init() async throws {
            fixture = try Fixture("minimal")
            build = IncrementalBuild(fixture.build())
            root = try FileSystem.disk.resolve(fixture.folder.path)
            let first = try await build.rebuild()
            #expect(first.report.plan != nil, "\(first.report.diagnostics)")
        }

        /// Rebuilds after `edits` (relative path → new text), telling the build which files changed.
        mutating func rebuild(_ edits: [String: String], tellingChanges: Bool = true) async throws -> IncrementalBuild.Result {
            for (path, text) in edits { try fixture.write(path, text) }
            return try await build.rebuild(changed: tellingChanges ? Set(edits.keys.map { root + "/" + $0 }) : nil)
        }

        /// Replaces text in a file and rebuilds.
        mutating func rebuild(editing path: String, _ old: String, _ new: String) async throws -> IncrementalBuild.Result {
            let text = try fixture.read(path)
            #expect(text.contains(old), "\(path) has no `\(old)`")
            return try await rebuild([path: text.replacingOccurrences(of: old, with: new)])
        }

        /// Fills pending pages, then checks the plan against a full build of the same files.
        mutating func expectSameAsFullBuild(sourceLocation: SourceLocation = #_sourceLocation) async throws {
            _ = await build.fillPendingPages()
            let full = try await fixture.build().plan()
            #expect(full.plan != nil, "\(full.diagnostics)", sourceLocation: sourceLocation)
            let incremental = try await build.rebuild(changed: [])
            #expect(incremental.report.diagnostics == full.diagnostics, sourceLocation: sourceLocation)
            let mine = incremental.report.plan?.files ?? [:], theirs = full.plan?.files ?? [:]
            #expect(Set(mine.keys) == Set(theirs.keys), sourceLocation: sourceLocation)
            for path in theirs.keys.sorted() where mine[path] != theirs[path] {
                Issue.record("\(path) differs from a full build", sourceLocation: sourceLocation)
            }
        }
    }

    @Test func describesEveryOutputOfTheTemplatingStage() async throws {
        let session = try await Session()
        defer { session.fixture.remove() }
        #expect(!session.build.fillsEverything, "OutputPage is missing a page that templated(with:assets:) writes")
    }

    @Test func bodyEditFillsOnlyThatPageThenTheListings() async throws {
        var session = try await Session()
        defer { session.fixture.remove() }
        let result = try await session.rebuild(editing: "Content/understanding/basics.md", "Discs and bone spurs.", "Discs, bone spurs and more.")
        #expect(result.filledPages == 1)
        #expect(result.changedPaths == [SitePath("understanding/basics.html")])
        #expect(session.build.hasPendingPages, "print, plan and search index show every body")
        try await session.expectSameAsFullBuild()
    }

    @Test func renamedHeadingBreaksTheAnchorsOfPagesLinkingToIt() async throws {
        var session = try await Session()
        defer { session.fixture.remove() }
        let broken = try await session.rebuild(editing: "Content/safety/when-to-stop.md", "## The stop rule", "## The rule")
        #expect(broken.report.plan == nil)
        let full = try await session.fixture.build().plan()
        #expect(broken.report.diagnostics == full.diagnostics)
        #expect(broken.report.diagnostics.contains { $0.rule == .anchor && $0.file.hasSuffix("understanding/basics.md") })
        _ = try await session.rebuild(editing: "Content/safety/when-to-stop.md", "## The rule", "## The stop rule")
        try await session.expectSameAsFullBuild()
    }

    @Test func unchangedBytesFillNothing() async throws {
        var session = try await Session()
        defer { session.fixture.remove() }
        let text = try session.fixture.read("Content/understanding/basics.md")
        let result = try await session.rebuild(["Content/understanding/basics.md": text])
        #expect(result.filledPages == 0)
        #expect(result.changedPaths.isEmpty)
        #expect(!session.build.hasPendingPages)
    }

    @Test(arguments: [
        ("Content/exercises/bridge.md", "title: Bridge", "title: Glute bridge"),
        ("Content/exercises/bridge.md", "summary: Lift your hips", "summary: Raise your hips"),
        ("Content/exercises/bridge.md", "order: 10", "order: 99"),
        ("Content/exercises/bridge.md", "level: beginner", "level: intermediate"),
        ("Content/safety/_index.md", "title: Safety", "title: Staying safe"),
        ("Content/safety/_index.md", "Read this before you exercise.", "Read this first."),
        ("Content/understanding/basics.md", "[bridge](../exercises/bridge.md)", "bridge"),
        ("Content/handbook.yml", "title: Test Handbook", "title: Renamed Handbook"),
        ("Content/understanding/basics.md", "Discs and bone spurs.",
         "Discs and bone spurs and many other small and large things that press on a nerve in the neck or the low back can all cause this pain in the end."),
        ("Templates/page.mustache", "</article>", "<p>new line</p></article>"),
        ("Templates/partials/footer.mustache", "<footer", "<!-- changed --><footer"),
    ])
    func editMatchesFullBuild(file: String, old: String, new: String) async throws {
        var session = try await Session()
        defer { session.fixture.remove() }
        _ = try await session.rebuild(editing: file, old, new)
        try await session.expectSameAsFullBuild()
    }

    @Test func addedRemovedAndDraftedPagesMatchFullBuild() async throws {
        var session = try await Session()
        defer { session.fixture.remove() }
        let basics = try session.fixture.read("Content/understanding/basics.md")
        _ = try await session.rebuild(["Content/understanding/more.md": basics.replacingOccurrences(of: "The basics", with: "More")])
        try await session.expectSameAsFullBuild()
        _ = try await session.rebuild(editing: "Content/understanding/more.md", "title:", "draft: true\ntitle:")
        try await session.expectSameAsFullBuild()
        _ = try await session.rebuild(editing: "Content/understanding/more.md", "draft: true\n", "")
        try await session.expectSameAsFullBuild()
        try FileManager.default.removeItem(atPath: session.fixture.content + "/understanding/more.md")
        _ = try await session.build.rebuild(changed: [session.root + "/Content/understanding/more.md"])
        try await session.expectSameAsFullBuild()
    }

    @Test func editsMadeDuringAFailedBuildReachTheNextGoodOne() async throws {
        var session = try await Session()
        defer { session.fixture.remove() }
        let broken = try await session.rebuild([
            "Content/understanding/basics.md": "---\ntitle: [unclosed\n---\n",
            "Content/safety/when-to-stop.md": try session.fixture.read("Content/safety/when-to-stop.md") + "\nOne more line.\n",
        ])
        #expect(broken.report.plan == nil)
        let original = try String(contentsOf: Fixture.root.appendingPathComponent("minimal/Content/understanding/basics.md"), encoding: .utf8)
        let fixed = try await session.rebuild(["Content/understanding/basics.md": original])
        #expect(fixed.changedPaths.contains(SitePath("safety/when-to-stop.html")))
        try await session.expectSameAsFullBuild()
    }

    @Test func changedAssetIsReportedAndTemplateChangeRefillsItsUsersOnly() async throws {
        var session = try await Session()
        defer { session.fixture.remove() }
        let asset = try await session.rebuild(["Content/exercises/bridge.svg": "<svg xmlns=\"http://www.w3.org/2000/svg\"/>"])
        #expect(asset.changedPaths == [SitePath("exercises/bridge.svg")])
        let template = try await session.rebuild(editing: "Templates/exercise.mustache", "</article>", "<p>x</p></article>")
        #expect(template.filledPages == 2, "only the two exercise pages use exercise.mustache")
        try await session.expectSameAsFullBuild()
    }

    @Test func unknownChangesRereadEverything() async throws {
        var session = try await Session()
        defer { session.fixture.remove() }
        try session.fixture.write("Content/exercises/bridge.md", try session.fixture.read("Content/exercises/bridge.md") + "\nMore.\n")
        let result = try await session.build.rebuild(changed: nil)
        #expect(result.changedPaths.contains(SitePath("exercises/bridge.html")))
        try await session.expectSameAsFullBuild()
    }

    @Test func replacingSomeFilesDiagnosticsKeepsTheListSorted() {
        func diagnostic(_ file: String, _ line: Int) -> Diagnostic {
            Diagnostic(file: file, line: line, severity: .warning, rule: .sentenceLength, message: "m\(line)")
        }
        let before = [diagnostic("a.md", 1), diagnostic("b.md", 2), diagnostic("b.md", 9), diagnostic("c.md", 1), diagnostic("d.md", 4)]
        let fresh = [diagnostic("d.md", 1), diagnostic("b.md", 5), diagnostic("e.md", 3), diagnostic("b.md", 1)]
        let replaced = before.replacing(["b.md", "d.md", "e.md"], with: fresh)
        #expect(replaced == (before.filter { !["b.md", "d.md"].contains($0.file) } + fresh).sorted())
        #expect(before.replacing(["c.md"], with: []) == before.filter { $0.file != "c.md" })
    }
}
