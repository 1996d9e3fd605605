import Hummingbird
import ServiceLifecycle

/// `GET /_handbook/events`: the live-reload stream, as Server-Sent Events. No page of the
/// site can have this path (slugs have no `_`), so it never hides one.
enum EventStreamRoute {
    static let path = "/_handbook/events"

    /// Registers the route.
    static func add(to router: Router<PreviewContext>, state: SiteState) {
        router.get(RouterPath(path)) { _, _ in
            await response(state: state)
        }
    }

    /// A response that streams the state's events until the client leaves or the server shuts
    /// down gracefully. Without the graceful-shutdown exit, an open tab would keep Ctrl-C
    /// waiting for a response that never ends.
    static func response(state: SiteState) async -> Response {
        let events = await state.subscribe()
        let headers: HTTPFields = [
            .contentType: "text/event-stream; charset=utf-8",
            .cacheControl: "no-cache",
        ]
        return Response(status: .ok, headers: headers, body: ResponseBody { writer in
            // Reconnect after a second when the server goes away (a restart, say).
            try await writer.write(ByteBuffer(string: "retry: 1000\n\n"))
            for await event in events.cancelOnGracefulShutdown() {
                try await writer.write(ByteBuffer(string: event.wireFormat))
            }
            try await writer.finish(nil)
        })
    }
}
