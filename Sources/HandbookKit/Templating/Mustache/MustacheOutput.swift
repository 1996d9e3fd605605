/// Where a template's bytes gather while it is filled: all kept, for a page returned whole,
/// or handed to a drain whenever a megabyte has gathered, for a page as big as the site.
struct MustacheOutput {
    /// Big enough that a file gets few writes, small enough to be nothing beside the site.
    static let drainSize = 1 << 20

    var bytes: [UInt8] = []
    private let drain: ((UnsafeRawBufferPointer) -> Void)?

    init(drain: ((UnsafeRawBufferPointer) -> Void)?) {
        self.drain = drain
    }

    /// Appends text as it is. A big text (the search index's JSON) goes to the drain straight
    /// from the string's own storage rather than through a copy of it.
    mutating func append(_ text: String) {
        guard let drain, text.utf8.count >= Self.drainSize else {
            bytes += text.utf8
            return
        }
        drainAll()
        var text = text
        text.withUTF8 { drain(UnsafeRawBufferPointer($0)) }
    }

    /// Hands on what has gathered once it passes ``drainSize``.
    mutating func drainIfFull() {
        if drain != nil && bytes.count >= Self.drainSize { drainAll() }
    }

    /// Hands on everything gathered, keeping the buffer for what comes next.
    mutating func drainAll() {
        guard let drain, !bytes.isEmpty else { return }
        bytes.withUnsafeBytes(drain)
        bytes.removeAll(keepingCapacity: true)
    }
}
