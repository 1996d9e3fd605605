
/// A page body rendered once for every place it is shown: its own page, `print.html` and
/// the exercise plan. What differs from place to place, heading tags and link and image
/// URLs, is left out as slots, filled as the body is copied out (``fill(_:into:heading:url:)``).
///
/// Rendering cmark's tree again for each place cost a tenth of a build, and holding an HTML
/// copy per place held most of the build's memory; filling slots is a copy.
public struct BodyHTML: Sendable, Equatable {
    /// The HTML with every slot's contents left out.
    private(set) var html: [UInt8]
    /// The slots, in the order of their offsets.
    private(set) var slots: [Slot]
    /// The link and image URLs as the page itself shows them, one after another.
    private(set) var urls: [UInt8]

    /// A place in ``html`` that the fill writes.
    package struct Slot: Sendable, Equatable {
        package enum Kind: UInt8, Sendable {
            /// `<hN id="…">`: ``first`` is the heading's index among the body's headings,
            /// ``second`` 1 when the heading is a top-level block (where a body may be split).
            case headingStart
            /// `</hN>`: ``first`` is the heading's index.
            case headingEnd
            /// An `href` or `src` value: ``first``..<``second`` in ``urls``.
            case url
        }

        package var kind: Kind
        package var offset: Int32
        package var first: Int32
        package var second: Int32 = 0
    }

    /// An empty body.
    package init() {
        self.init(html: [], slots: [], urls: [])
    }

    /// Keeps each array at its size: every page's body is held until the site is written,
    /// and arrays grown while rendering are up to twice their size.
    package init(html: [UInt8], slots: [Slot], urls: [UInt8]) {
        self.html = Self.fitted(html)
        self.slots = Self.fitted(slots)
        self.urls = Self.fitted(urls)
    }

    private static func fitted<Element>(_ array: [Element]) -> [Element] {
        guard array.capacity > array.count else { return array }
        return [Element](unsafeUninitializedCapacity: array.count) { buffer, count in
            count = array.withUnsafeBufferPointer { buffer.initialize(fromContentsOf: $0) }
        }
    }

    /// The length of the HTML without the slots' contents: the end of its last range.
    package var count: Int { html.count }

    /// Where heading `index` starts and ends (after its line break), when it is a top-level
    /// block: the places a body can be split so that each part is whole blocks.
    package func topLevelBlock(ofHeading index: Int) -> Range<Int>? {
        guard let start = slots.first(where: { $0.kind == .headingStart && $0.first == index }), start.second == 1,
              let end = slots.first(where: { $0.kind == .headingEnd && $0.first == index })
        else { return nil }
        return Int(start.offset)..<Int(end.offset) + 1
    }

    /// Appends the HTML in `range` to `output`, its slots filled.
    /// - Parameters:
    ///   - heading: A heading's level and id, by its index among the body's headings.
    ///   - idPrefix: What goes before every heading's id.
    ///   - url: What a URL, as the page itself shows it, becomes here; nil leaves them.
    package func fill(_ range: Range<Int>, into output: inout [UInt8], heading: (Int) -> (level: Int, id: String),
              idPrefix: String = "", url: ((String) -> String)? = nil) {
        var low = 0, high = slots.count
        while low < high {
            let middle = (low + high) / 2
            if Int(slots[middle].offset) < range.lowerBound { low = middle + 1 } else { high = middle }
        }
        var copied = range.lowerBound
        for slot in slots[low...] {
            let offset = Int(slot.offset)
            guard offset < range.upperBound else { break }
            output += html[copied..<offset]
            copied = offset
            switch slot.kind {
            case .headingStart:
                // Bytes, not an interpolated string: every heading of every page, twice over.
                let (level, id) = heading(Int(slot.first))
                output += "<h".utf8
                output.appendDecimal(level)
                output += #" id=""#.utf8
                output += idPrefix.utf8
                output += id.utf8
                output += #"">"#.utf8
            case .headingEnd:
                output += "</h".utf8
                output.appendDecimal(heading(Int(slot.first)).level)
                output.append(UInt8(ascii: ">"))
            case .url:
                let bytes = urls[Int(slot.first)..<Int(slot.second)]
                if let url {
                    CmarkEscaping.appendURL(url(String(decoding: bytes, as: UTF8.self)).utf8, to: &output)
                } else {
                    CmarkEscaping.appendURL(bytes, to: &output)
                }
            }
        }
        output += html[copied..<range.upperBound]
    }

}
