import HandbookCore

/// A template's context: names and their values.
///
/// A short list searched in order rather than a dictionary: every page builds a few dozen
/// small objects that templates read a few times each, and hashing every name on the way in
/// and again on every lookup cost more than the search. Names are compared by
/// ``TemplateName``'s packed prefix first, so a miss rarely looks at the text.
public struct TemplateObject: Sendable, Equatable, ExpressibleByDictionaryLiteral {
    private struct Entry: Sendable, Equatable {
        package var name: TemplateName
        package var value: TemplateValue
    }

    private var entries: [Entry] = []

    public init() {}

    /// The first value given for a name wins, as in a dictionary literal of the same pairs.
    public init(dictionaryLiteral elements: (String, TemplateValue)...) {
        self.init(elements)
    }

    package init(_ elements: [(String, TemplateValue)]) {
        entries.reserveCapacity(elements.count)
        for (name, value) in elements {
            let name = TemplateName(name)
            if index(of: name) == nil { entries.append(Entry(name: name, value: value)) }
        }
    }

    public var isEmpty: Bool { entries.isEmpty }

    public subscript(name: String) -> TemplateValue? {
        get { self[TemplateName(name)] }
        set { self[TemplateName(name)] = newValue }
    }

    package subscript(name: TemplateName) -> TemplateValue? {
        get { index(of: name).map { entries[$0].value } }
        set {
            switch (index(of: name), newValue) {
            case (let index?, let value?): entries[index].value = value
            case (let index?, nil): entries.remove(at: index)
            case (nil, let value?): entries.append(Entry(name: name, value: value))
            case (nil, nil): break
            }
        }
    }

    private func index(of name: TemplateName) -> Int? {
        entries.firstIndex { $0.name == name }
    }

    /// Equal when they hold the same names with equal values, in any order.
    public static func == (lhs: TemplateObject, rhs: TemplateObject) -> Bool {
        guard lhs.entries.count == rhs.entries.count else { return false }
        return lhs.entries == rhs.entries || lhs.entries.allSatisfy { rhs[$0.name] == $0.value }
    }
}

/// A name in a context or a template, with its first bytes and length packed into one
/// integer, which decides most comparisons without reading the text.
package struct TemplateName: Sendable, Equatable {
    package let text: String
    private let prefix: UInt64

    package init(_ text: String) {
        self.text = text
        var text = text
        // Read in place: every name of every object of every page is made here.
        prefix = text.withUTF8 { bytes in
            UInt64(truncatingIfNeeded: min(bytes.count, 255)) << 56
                | ByteLanes.load(bytes, at: 0, padding: 0) & ByteLanes.mask(below: min(bytes.count, 7))
        }
    }

    package static func == (lhs: TemplateName, rhs: TemplateName) -> Bool {
        lhs.prefix == rhs.prefix && lhs.text == rhs.text
    }
}
