import Foundation
@testable import HandbookKit
@testable import Templating

/// What the build's one-pass JSON writers must match: Foundation's `JSONEncoder` with sorted
/// keys and unescaped slashes, then `<`, `>`, `&`, U+2028 and U+2029 escaped for a script.
enum ReferenceJSON {
    static func encode<T: Encodable>(_ value: T) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return escape(String(decoding: try encoder.encode(value), as: UTF8.self))
    }

    static func escape(_ json: String) -> String {
        var escaped: [UInt8] = []
        let bytes = Array(json.utf8)
        var index = 0
        while index < bytes.count {
            switch bytes[index] {
            case UInt8(ascii: "<"): escaped += #"\u003c"#.utf8
            case UInt8(ascii: ">"): escaped += #"\u003e"#.utf8
            case UInt8(ascii: "&"): escaped += #"\u0026"#.utf8
            case 0xE2 where index + 2 < bytes.count && bytes[index + 1] == 0x80 && (bytes[index + 2] == 0xA8 || bytes[index + 2] == 0xA9):
                escaped += (bytes[index + 2] == 0xA8 ? #"\u2028"# : #"\u2029"#).utf8
                index += 2
            default: escaped.append(bytes[index])
            }
            index += 1
        }
        return String(decoding: escaped, as: UTF8.self)
    }
}

extension StructuredData.Value: Encodable {
    public func encode(to encoder: Encoder) throws {
        var container = encoder.singleValueContainer()
        switch self {
        case .string(let value): try container.encode(value)
        case .number(let value): try container.encode(value)
        case .array(let value): try container.encode(value)
        case .object(let value): try container.encode(Dictionary(uniqueKeysWithValues: value.pairs))
        }
    }
}
