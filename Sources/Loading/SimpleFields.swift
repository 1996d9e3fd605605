import HandbookCore

/// A value the ``SimpleYAML`` path builds to the same value `YAMLDecoder` gives: its
/// initializer throws ``SimpleFields/Unsupported`` wherever the schema check or the decoder
/// could report a problem, so every diagnostic still comes from ``YAMLDocument``.
package protocol SimpleFieldsDecodable {
    init(_ fields: SimpleFields) throws
}

/// One mapping's entries by key, checked against a schema. Its readers throw ``Unsupported``
/// for any value the decoder would not turn into the same Swift value without complaint.
package struct SimpleFields {
    package struct Unsupported: Error {}

    /// The entries in file order. A mapping has a dozen keys at most, and these short keys
    /// compare faster than they hash.
    private let entries: [SimpleYAML.Entry]
    private let schema: FrontMatterSchema

    /// Nil for an unknown, duplicated or missing key: problems the schema check or Yams reports.
    package init?(_ entries: [SimpleYAML.Entry], schema: FrontMatterSchema) {
        self.entries = entries
        self.schema = schema
        for (index, entry) in entries.enumerated() {
            guard schema.keys.contains(entry.key), !entries[..<index].contains(where: { $0.key == entry.key }) else { return nil }
        }
        guard schema.required.allSatisfy({ key in entries.contains { $0.key == key } }) else { return nil }
    }

    private subscript(_ key: String) -> SimpleYAML.Value? {
        entries.first { $0.key == key }?.value
    }

    package func optional<T>(_ key: String, _ read: (String) throws -> T) throws -> T? {
        self[key] == nil ? nil : try read(key)
    }

    /// Yams gives any scalar's text for a `String`, whatever type its tag resolves to.
    package func text(_ key: String) throws -> String {
        guard case .scalar(let scalar) = self[key] else { throw Unsupported() }
        return scalar.text
    }

    /// Plain decimal digits only: Yams reads `0x`, `0o`, leading zeros, `_` and `1:30` its own way.
    package func int(_ key: String) throws -> Int {
        guard case .scalar(let scalar) = self[key], scalar.isPlain, scalar.text.utf8.count <= 18,
              Self.isNumber(scalar.text[...]), let value = Int(scalar.text)
        else { throw Unsupported() }
        return value
    }

    /// Only plain `true` and `false`; `yes`, `on` and friends depend on Yams' resolver.
    package func bool(_ key: String) throws -> Bool {
        guard case .scalar(let scalar) = self[key], scalar.isPlain else { throw Unsupported() }
        switch scalar.text {
        case "true": return true
        case "false": return false
        default: throw Unsupported()
        }
    }

    /// Plain digits with at most one `.` inside them, such as `8` or `7.5`: Yams reads signs,
    /// exponents, `_`, `.inf` and `1:30` its own way.
    package func decimal(_ key: String) throws -> Double {
        guard case .scalar(let scalar) = self[key], scalar.isPlain, scalar.text.utf8.count <= 15 else { throw Unsupported() }
        let parts = scalar.text.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count <= 2, Self.isNumber(parts[0]), parts.count == 1 || Self.isDigits(parts[1]),
              let value = Double(scalar.text)
        else { throw Unsupported() }
        return value
    }

    /// Digits without a leading zero, or `0` alone.
    private static func isNumber(_ text: Substring) -> Bool {
        isDigits(text) && (text == "0" || text.utf8.first != UInt8(ascii: "0"))
    }

    private static func isDigits(_ text: Substring) -> Bool {
        !text.isEmpty && text.utf8.allSatisfy { (UInt8(ascii: "0")...UInt8(ascii: "9")).contains($0) }
    }

    package func day(_ key: String) throws -> Day {
        guard let day = Day(try text(key)) else { throw Unsupported() }
        return day
    }

    package func closedSet<T: ClosedSet>(_ key: String) throws -> T {
        guard let value = T(rawValue: try text(key)) else { throw Unsupported() }
        return value
    }

    package func list(_ key: String) throws -> [String] {
        guard case .list(let items) = self[key] else { throw Unsupported() }
        return items.map(\.text)
    }

    /// A mapping whose keys no schema lists, such as `rules:`, as each key and its scalar's
    /// text in file order. Repeated keys and nested values are left to Yams.
    package func pairs(_ key: String) throws -> [(key: String, text: String)] {
        guard case .mapping(let entries) = self[key] else { throw Unsupported() }
        return try entries.enumerated().map { index, entry in
            guard case .scalar(let scalar) = entry.value, !entries[..<index].contains(where: { $0.key == entry.key }) else {
                throw Unsupported()
            }
            return (entry.key, scalar.text)
        }
    }

    package func mapping(_ key: String) throws -> SimpleFields {
        guard case .mapping(let entries) = self[key], let nested = schema.nested[key],
              let fields = SimpleFields(entries, schema: nested)
        else { throw Unsupported() }
        return fields
    }
}
