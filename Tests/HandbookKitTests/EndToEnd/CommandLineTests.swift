import Foundation
import Testing

/// Runs the built `handbook` binary and checks its output and exit status for every exit code.
@Suite struct CommandLineTests {
    static var binary: URL {
        let beside = Bundle.main.executableURL?.deletingLastPathComponent().appendingPathComponent("handbook")
        if let beside, FileManager.default.isExecutableFile(atPath: beside.path) { return beside }
        return Fixture.packageRoot.appendingPathComponent(".build/debug/handbook")
    }

    struct Result {
        var status: Int32
        var output: String
        var errors: String
    }

    func run(_ arguments: [String], in folder: URL) throws -> Result {
        let process = Process()
        process.executableURL = Self.binary
        process.arguments = arguments
        process.currentDirectoryURL = folder
        let output = Pipe(), errors = Pipe()
        process.standardOutput = output
        process.standardError = errors
        try process.run()
        let outData = output.fileHandleForReading.readDataToEndOfFile()
        let errData = errors.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Result(status: process.terminationStatus, output: String(decoding: outData, as: UTF8.self),
                      errors: String(decoding: errData, as: UTF8.self))
    }

    @Test func successPrintsOneSummaryLineAndExitsZero() throws {
        let fixture = try Fixture("minimal")
        defer { fixture.remove() }
        let result = try run(["build"], in: fixture.folder)
        #expect(result.status == 0)
        #expect(result.output.hasPrefix("Built 8 pages (2 exercises) into Public/ with 0 warnings in "))
        #expect(result.output.split(separator: "\n").count == 1)
        #expect(result.errors.isEmpty)
        let quiet = try run(["build", "--quiet"], in: fixture.folder)
        #expect(quiet.status == 0 && quiet.output.isEmpty)
    }

    @Test func contentErrorsPrintDiagnosticsAndExitOne() throws {
        let fixture = try Fixture("invalid/unknown-key", base: "minimal")
        defer { fixture.remove() }
        let result = try run(["build"], in: fixture.folder)
        #expect(result.status == 1)
        #expect(result.errors.contains("Content/understanding/typo.md:3:1: error: unknown key `sumary`; did you mean `summary`? [unknown-key]"))
        #expect(result.errors.contains("Public/ was not changed"))
        #expect(!FileManager.default.fileExists(atPath: fixture.output))
    }

    @Test(arguments: [["build", "--no-such-flag"], ["frobnicate"], ["new", "poem", "understanding/x"], ["new", "article", "Bad/Slug_"]])
    func usageErrorsExitTwo(_ arguments: [String]) throws {
        let fixture = try Fixture("minimal")
        defer { fixture.remove() }
        let result = try run(arguments, in: fixture.folder)
        #expect(result.status == 2)
        #expect(!result.errors.isEmpty)
    }

    @Test func missingFoldersAreIOErrorsExitingTwo() throws {
        let fixture = try Fixture("minimal")
        defer { fixture.remove() }
        let result = try run(["build", "--content", "Nowhere"], in: fixture.folder)
        #expect(result.status == 2)
        #expect(result.errors.contains("Nowhere"))
    }

    @Test func helpExitsZero() throws {
        let result = try run(["build", "--help"], in: Fixture.packageRoot)
        #expect(result.status == 0)
        #expect(result.output.contains("--drafts"))
    }

    @Test func newWritesADraftThatBuilds() throws {
        let fixture = try Fixture("minimal")
        defer { fixture.remove() }
        let created = try run(["new", "exercise", "exercises/side-plank"], in: fixture.folder)
        #expect(created.status == 0)
        let text = try fixture.read("Content/exercises/side-plank.md")
        #expect(text.contains("title: Side Plank"))
        #expect(text.contains("stop_if:") && text.contains("avoid_if:") && text.contains("draft: true"))
        let again = try run(["new", "exercise", "exercises/side-plank"], in: fixture.folder)
        #expect(again.status == 2, "never overwrites a page")
        let article = try run(["new", "article", "understanding/more"], in: fixture.folder)
        #expect(article.status == 0)
        let build = try run(["build", "--drafts"], in: fixture.folder)
        #expect(build.status == 0, "\(build.errors)")
        #expect(FileManager.default.fileExists(atPath: fixture.output + "/exercises/side-plank.html"))
        let missingSection = try run(["new", "article", "nowhere/page"], in: fixture.folder)
        #expect(missingSection.status == 2)
    }
}
