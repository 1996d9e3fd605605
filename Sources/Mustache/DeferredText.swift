
/// Text made only when a template shows it, written straight into the output as it is, like
/// `{{{name}}}` text. The pages that show every page would otherwise hold all of it at once:
/// print.html shows every page's body (62 MB at 10,000 pages), and the search index is 14 MB
/// of JSON, which its writer hands on a megabyte at a time.
public struct DeferredText: Sendable, Equatable {
    private let write: @Sendable (inout MustacheOutput) -> Void

    package init(_ write: @escaping @Sendable (inout MustacheOutput) -> Void) {
        self.write = write
    }

    /// Writes the text into `output`.
    package func write(into output: inout MustacheOutput) {
        write(&output)
    }

    /// The text as a string, for tests and for escaping.
    package var text: String {
        var output = MustacheOutput(drain: nil)
        write(into: &output)
        return String(decoding: output.bytes, as: UTF8.self)
    }

    public static func == (lhs: DeferredText, rhs: DeferredText) -> Bool {
        lhs.text == rhs.text
    }
}
