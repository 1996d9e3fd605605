@testable import HandbookKit
@testable import Rendering

/// A rendered body's parts as strings, made as a template would make them.
extension RenderedPage {
    /// The body as HTML on the page itself; on an exercise page, the part before the steps.
    var html: String { string(.beforeSteps) }

    /// On an exercise page, the body from `## How to do it` on.
    var htmlFromSteps: String { string(.fromSteps) }

    func string(_ part: PlacedBody.Part, placedAt placement: PlacedBody.Placement? = nil) -> String {
        var bytes: [UInt8] = []
        append(part, placedAt: placement, to: &bytes)
        return String(decoding: bytes, as: UTF8.self)
    }
}
