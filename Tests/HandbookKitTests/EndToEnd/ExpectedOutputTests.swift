import Foundation
import Testing
@testable import HandbookKit

/// Whole output files of the `minimal` site, compared byte for byte with
/// `Fixtures/minimal/expected/`, as mdBook's testsuite compares its books: they catch what
/// `contains` checks miss (a dropped attribute, a box in the wrong place, an index field
/// reordered). After a deliberate change, `HANDBOOK_UPDATE_FIXTURES=1 swift test --filter
/// ExpectedOutputTests` rewrites them; review the diff before committing it.
@Suite struct ExpectedOutputTests {
    static let paths = ["exercises/bridge.html", "print.html", "plan.html", "assets/search-index.js"]

    @Test(arguments: paths)
    func outputMatchesItsExpectedFile(_ path: String) async throws {
        let fixture = try Fixture("minimal")
        defer { fixture.remove() }
        let plan = try #require(try await fixture.build().plan().plan)
        let actual = try #require(plan.text(at: path), "the build wrote no \(path)")
        let expectedFile = Fixture.root.appendingPathComponent("minimal/expected/\(path)")
        if ProcessInfo.processInfo.environment["HANDBOOK_UPDATE_FIXTURES"] != nil {
            try FileManager.default.createDirectory(at: expectedFile.deletingLastPathComponent(), withIntermediateDirectories: true)
            try actual.write(to: expectedFile, atomically: true, encoding: .utf8)
        }
        let expected = try String(contentsOf: expectedFile, encoding: .utf8)
        #expect(actual == expected, "\(path) differs from Fixtures/minimal/expected/\(path); first difference at line \(Self.firstDifference(actual, expected))")
    }

    /// The 1-based line where two texts first differ, to point a reader at the change.
    static func firstDifference(_ a: String, _ b: String) -> Int {
        let (left, right) = (a.split(separator: "\n", omittingEmptySubsequences: false), b.split(separator: "\n", omittingEmptySubsequences: false))
        return (zip(left, right).enumerated().first { $0.element.0 != $0.element.1 }?.offset ?? min(left.count, right.count)) + 1
    }
}
