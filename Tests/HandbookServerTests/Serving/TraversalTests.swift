import Foundation
import HandbookKit
import Hummingbird
import HummingbirdTesting
import Testing
@testable import HandbookServer

/// Nothing outside the built site is ever served, however the path is spelled.
@Suite struct TraversalTests {
    static let secret = "TOP-SECRET-NOT-IN-THE-SITE"

    /// Each names `secret.txt` beside `Content/`, or `/etc/passwd`, from the site root.
    static let attempts = [
        "/../secret.txt", "/..%2fsecret.txt", "/%2e%2e/secret.txt", "/%2E%2E/secret.txt", "/%2e%2e%2fsecret.txt",
        "/%252e%252e/secret.txt", "/..%252fsecret.txt", "/%252e%252e%252fsecret.txt", "/..\\secret.txt",
        "/..%5csecret.txt", "/%5c..%5csecret.txt", "/index.html%00.txt", "/%00/../secret.txt",
        "/exercises/../../secret.txt", "/exercises/%2e%2e/%2e%2e/secret.txt", "/./../secret.txt",
        "/exercises/bridge.svg/../../../secret.txt", "/%c0%ae%c0%ae/secret.txt", "/../../../../../../etc/passwd",
        "/%2e%2e/%2e%2e/%2e%2e/%2e%2e/etc/passwd", "//etc/passwd", "/Content/../secret.txt", "/..;/secret.txt",
        "/exercises%2f..%2f..%2fsecret.txt",
    ]

    @Test func traversalAttemptsFailThroughTheRouter() async throws {
        let served = try await ServedSite()
        defer { served.site.remove() }
        try served.site.write("secret.txt", Self.secret)
        try await served.application.test(.router) { client in
            for attempt in Self.attempts {
                let response = try await client.execute(uri: attempt, method: .get)
                Self.expectRefused(response, attempt)
            }
        }
    }

    @Test func traversalAttemptsFailOverARealConnection() async throws {
        let served = try await ServedSite()
        defer { served.site.remove() }
        try served.site.write("secret.txt", Self.secret)
        try await served.application.test(.live) { client in
            var sent = 0
            for attempt in Self.attempts {
                // The client refuses to put some of these on the wire at all, which is fine too.
                guard let response = try? await client.execute(uri: attempt, method: .get) else { continue }
                Self.expectRefused(response, attempt)
                sent += 1
            }
            #expect(sent >= 12)
        }
    }

    @Test func aSymlinkOutOfContentIsNeverServed() async throws {
        var served = try await ServedSite()
        defer { served.site.remove() }
        try served.site.write("secret.txt", Self.secret)
        try FileManager.default.createSymbolicLink(atPath: served.site.path("Content/understanding/leak.txt"),
                                                   withDestinationPath: served.site.path("secret.txt"))
        try FileManager.default.createSymbolicLink(atPath: served.site.path("Content/understanding/passwd.txt"),
                                                   withDestinationPath: "/etc/passwd")
        let result = try await served.rebuild()
        #expect(result.report.diagnostics.contains { $0.rule == .symlinkOutside })
        try await served.application.test(.router) { client in
            for path in ["/understanding/leak.txt", "/understanding/passwd.txt"] {
                let response = try await client.execute(uri: path, method: .get)
                Self.expectRefused(response, path)
                #expect(response.status == .notFound)
            }
        }
    }

    static func expectRefused(_ response: TestResponse, _ attempt: String) {
        #expect(response.status == .badRequest || response.status == .notFound, "\(attempt): \(response.status)")
        let body = String(buffer: response.body)
        #expect(!body.contains(secret) && !body.contains("root:x:0:0"), "\(attempt) leaked a file")
    }
}
