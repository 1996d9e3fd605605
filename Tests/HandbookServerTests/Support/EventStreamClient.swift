import AsyncHTTPClient
import Foundation
import NIOCore

/// One Server-Sent Event as received: its type and data.
struct ReceivedEvent: Equatable, Sendable {
    var name: String
    var data: String
}

/// Reads a live server's `/_handbook/events` stream with AsyncHTTPClient, one event at a time.
/// Tests await the next event instead of sleeping.
final class EventStreamClient {
    private var chunks: HTTPClientResponse.Body.AsyncIterator
    private var pending = ""

    /// Opens the stream.
    /// - Parameters:
    ///   - port: The server's port on 127.0.0.1.
    ///   - client: The HTTP client to use.
    init(port: Int, client: HTTPClient) async throws {
        let request = HTTPClientRequest(url: "http://127.0.0.1:\(port)/_handbook/events")
        let response = try await client.execute(request, timeout: .seconds(60))
        guard response.status == .ok else { throw HTTPClientError.invalidURL }
        chunks = response.body.makeAsyncIterator()
    }

    /// The next event, skipping comments (keep-alive pings) and `retry:` lines; nil when the stream ends.
    func next() async throws -> ReceivedEvent? {
        while true {
            if let end = pending.range(of: "\n\n") {
                let block = String(pending[..<end.lowerBound])
                pending = String(pending[end.upperBound...])
                var event = ReceivedEvent(name: "message", data: "")
                var hasData = false
                for line in block.split(separator: "\n") {
                    if line.hasPrefix("event: ") { event.name = String(line.dropFirst(7)) }
                    if line.hasPrefix("data: ") {
                        event.data = String(line.dropFirst(6))
                        hasData = true
                    }
                }
                if hasData { return event }
                continue
            }
            guard let chunk = try await chunks.next() else { return nil }
            pending += String(buffer: chunk)
        }
    }

    /// The next event that is not a `hello`.
    func nextChange() async throws -> ReceivedEvent? {
        while let event = try await next() {
            if event.name != "hello" { return event }
        }
        return nil
    }
}

extension HTTPClient {
    /// GETs a path of a live server on 127.0.0.1.
    /// - Returns: Status and the whole body as text.
    func get(_ path: String, port: Int) async throws -> (status: UInt, body: String) {
        let response = try await execute(HTTPClientRequest(url: "http://127.0.0.1:\(port)\(path)"), timeout: .seconds(60))
        let body = try await response.body.collect(upTo: 16 * 1024 * 1024)
        return (response.status.code, String(buffer: body))
    }
}
