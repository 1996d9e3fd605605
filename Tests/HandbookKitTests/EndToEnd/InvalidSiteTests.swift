import Foundation
import Testing
@testable import HandbookKit

/// Each `Fixtures/invalid/<case>/` overlays a few broken files onto the `minimal` site and
/// holds `expected-diagnostics.txt`: the exact lines the build must print. Set
/// `HANDBOOK_UPDATE_FIXTURES=1` to rewrite them, then review the diff before committing.
@Suite struct InvalidSiteTests {
    static let cases: [String] = {
        let folder = Fixture.root.appendingPathComponent("invalid")
        return ((try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []).sorted()
    }()

    @Test(arguments: cases)
    func reportsExactDiagnosticsAndWritesNothing(_ name: String) async throws {
        let fixture = try Fixture("invalid/\(name)", base: "minimal")
        defer { fixture.remove() }
        let report = try await fixture.build().run()
        let actual = fixture.lines(report.diagnostics).joined(separator: "\n") + "\n"
        let expectedFile = Fixture.root.appendingPathComponent("invalid/\(name)/expected-diagnostics.txt")
        if ProcessInfo.processInfo.environment["HANDBOOK_UPDATE_FIXTURES"] != nil {
            try actual.write(to: expectedFile, atomically: true, encoding: .utf8)
        }
        let expected = try String(contentsOf: expectedFile, encoding: .utf8)
        #expect(actual == expected)
        #expect(report.diagnostics.hasErrors, "these cases must fail the build")
        #expect(!FileManager.default.fileExists(atPath: fixture.output), "nothing may be written to the output folder")
    }

    @Test func casesAreDiscovered() {
        #expect(Self.cases.count >= 20)
    }
}
