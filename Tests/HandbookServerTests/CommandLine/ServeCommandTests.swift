import AsyncHTTPClient
import Foundation
import Testing

/// `handbook serve` as a person runs it: the first line is the address, a port in use is a
/// one-line error with status 2, and Ctrl-C stops it even with a page listening for reloads.
@Suite(.timeLimit(.minutes(1))) struct ServeCommandTests {
    static var binary: URL {
        let beside = Bundle.main.executableURL?.deletingLastPathComponent().appendingPathComponent("handbook")
        if let beside, FileManager.default.isExecutableFile(atPath: beside.path) { return beside }
        return TestSite.packageRoot.appendingPathComponent(".build/debug/handbook")
    }

    /// A running `handbook serve` and its output pipes.
    struct Running {
        let process: Process
        let output: Pipe
        let errors: Pipe

        init(_ arguments: [String], in folder: URL) throws {
            process = Process()
            process.executableURL = ServeCommandTests.binary
            process.arguments = ["serve"] + arguments
            process.currentDirectoryURL = folder
            output = Pipe()
            errors = Pipe()
            process.standardOutput = output
            process.standardError = errors
            try process.run()
        }

        /// The first line of standard output, read on a thread of its own (it blocks).
        func firstLine() async -> String {
            let handle = output.fileHandleForReading
            return await withCheckedContinuation { continuation in
                Thread {
                    var bytes: [UInt8] = []
                    while true {
                        let byte = handle.readData(ofLength: 1)
                        if byte.isEmpty || byte.first == UInt8(ascii: "\n") { break }
                        bytes += byte
                    }
                    continuation.resume(returning: String(decoding: bytes, as: UTF8.self))
                }.start()
            }
        }

        /// Waits for the process to end, on a thread of its own.
        func exitStatus() async -> Int32 {
            await withCheckedContinuation { continuation in
                Thread {
                    process.waitUntilExit()
                    continuation.resume(returning: process.terminationStatus)
                }.start()
            }
        }

        var standardError: String {
            String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        }
    }

    @Test func printsTheAddressFirstAndStopsOnInterruptWithAnOpenStream() async throws {
        let site = try TestSite()
        defer { site.remove() }
        let server = try Running(["--port", "0"], in: site.folder)
        let url = await server.firstLine()
        let port = try #require(Int(url.split(separator: ":").last?.dropLast() ?? ""), "first line: \(url)")
        #expect(url == "http://127.0.0.1:\(port)/")
        let events = try await EventStreamClient(port: port, client: .shared)
        #expect(try await events.next()?.name == "hello")
        server.process.interrupt()
        #expect(await server.exitStatus() == 0)
        #expect(!FileManager.default.fileExists(atPath: site.path("Public")))
    }

    @Test func aPortInUseIsAOneLineErrorWithStatusTwo() async throws {
        let site = try TestSite()
        defer { site.remove() }
        let first = try Running(["--port", "0"], in: site.folder)
        let url = await first.firstLine()
        let port = try #require(url.split(separator: ":").last.map { String($0.dropLast()) })
        let second = try Running(["--port", port], in: site.folder)
        #expect(await second.exitStatus() == 2)
        let message = second.standardError.split(separator: "\n")
        #expect(message.count == 1, "\(message)")
        #expect(message.first?.contains("port \(port) on 127.0.0.1 is already in use") == true, "\(message)")
        first.process.interrupt()
        #expect(await first.exitStatus() == 0)
    }

    @Test func missingContentFolderIsAnErrorWithStatusTwo() async throws {
        let site = try TestSite()
        defer { site.remove() }
        let server = try Running(["--port", "0", "--content", "Nowhere"], in: site.folder)
        #expect(await server.exitStatus() == 2)
        #expect(server.standardError.contains("Nowhere"))
    }
}
