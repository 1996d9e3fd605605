/// HTML made only when a template shows it, written straight into the output. print.html
/// shows every page's body: made up front, all of them were held at once (62 MB at 10,000
/// pages); made as the page is written, each is a copy into the output buffer.
public struct DeferredHTML: Sendable, Equatable {
    private let write: @Sendable (inout [UInt8]) -> Void

    init(_ write: @escaping @Sendable (inout [UInt8]) -> Void) {
        self.write = write
    }

    /// Appends the HTML to `output`.
    func append(to output: inout [UInt8]) {
        write(&output)
    }

    /// The HTML as a string, for tests and for escaping.
    var text: String {
        var bytes: [UInt8] = []
        append(to: &bytes)
        return String(decoding: bytes, as: UTF8.self)
    }

    public static func == (lhs: DeferredHTML, rhs: DeferredHTML) -> Bool {
        lhs.text == rhs.text
    }
}
