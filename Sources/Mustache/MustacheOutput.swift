
/// Where a template's bytes gather while it is filled: all kept, for a page returned whole,
/// or handed to a drain whenever a megabyte has gathered, for a page as big as the site.
package struct MustacheOutput {
    /// Big enough that a file gets few writes, small enough to be nothing beside the site.
    package static let drainSize = 1 << 20

    package var bytes: [UInt8] = []
    /// How many ``MustacheProgram/Step/call(start:end:)`` steps deep filling is: carried here,
    /// beside the bytes every step passes on, rather than in one more argument to every step.
    package var calls = 0
    private let drain: ((UnsafeRawBufferPointer) -> Void)?

    package init(drain: ((UnsafeRawBufferPointer) -> Void)?) {
        self.drain = drain
    }

    /// Appends text as it is.
    package mutating func append(_ text: String) {
        bytes += text.utf8
    }

    /// Hands on what has gathered once it passes ``drainSize``.
    package mutating func drainIfFull() {
        if drain != nil && bytes.count >= Self.drainSize { drainAll() }
    }

    /// Hands on everything gathered, keeping the buffer for what comes next.
    package mutating func drainAll() {
        guard let drain, !bytes.isEmpty else { return }
        bytes.withUnsafeBytes(drain)
        bytes.removeAll(keepingCapacity: true)
    }
}
