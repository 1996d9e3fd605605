
/// A value a template shows: what page contexts are built from. Typed, so filling a
/// template looks names up in objects of known cases instead of casting `Any`.
public enum TemplateValue: Sendable, Equatable {
    case text(String)
    case bool(Bool)
    case number(Int)
    case list([TemplateValue])
    /// A list made item by item as it is shown (``LazyList``).
    case lazyList(LazyList)
    case object(TemplateObject)
    /// Text made as it is written (``DeferredText``).
    case deferred(DeferredText)

    /// Whether a section `{{#name}}` shows: `false` and empty lists don't; text and numbers
    /// always do, even empty or zero — leave a key out to hide its section.
    package var isTruthy: Bool {
        switch self {
        case .bool(let value): value
        case .list(let items): !items.isEmpty
        case .lazyList(let list): list.count > 0
        case .text, .number, .object, .deferred: true
        }
    }

    /// The value of a name in an object; nil for a missing name or a value that is no object.
    package subscript(name: TemplateName) -> TemplateValue? {
        guard case .object(let object) = self else { return nil }
        return object[name]
    }
}

extension TemplateValue: ExpressibleByStringLiteral, ExpressibleByBooleanLiteral, ExpressibleByIntegerLiteral,
    ExpressibleByArrayLiteral, ExpressibleByDictionaryLiteral {
    public init(stringLiteral value: String) { self = .text(value) }
    public init(booleanLiteral value: Bool) { self = .bool(value) }
    public init(integerLiteral value: Int) { self = .number(value) }
    public init(arrayLiteral elements: TemplateValue...) { self = .list(elements) }
    public init(dictionaryLiteral elements: (String, TemplateValue)...) {
        self = .object(TemplateObject(elements))
    }
}
