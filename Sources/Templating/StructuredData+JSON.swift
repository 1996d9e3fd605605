import HandbookCore

extension StructuredData.Value {
    /// The value as script-safe JSON: the bytes Foundation's `JSONEncoder` gives (sorted
    /// keys, unescaped slashes), escaped for a script by ``ScriptJSON``, written in one
    /// pass. Every article page has JSON-LD, and `JSONEncoder` was most of its cost;
    /// `StructuredDataTests` compares the two on awkward strings.
    package var scriptJSON: String {
        var output: [UInt8] = []
        output.reserveCapacity(1024)
        write(into: &output)
        return String(decoding: output, as: UTF8.self)
    }

    private func write(into output: inout [UInt8]) {
        switch self {
        case .string(let text):
            ScriptJSON.appendString(text, to: &output)
        case .number(let number):
            output.appendDecimal(number)
        case .array(let items):
            output.append(UInt8(ascii: "["))
            for (index, item) in items.enumerated() {
                if index > 0 { output.append(UInt8(ascii: ",")) }
                item.write(into: &output)
            }
            output.append(UInt8(ascii: "]"))
        case .object(let members):
            output.append(UInt8(ascii: "{"))
            // Keys are ASCII names chosen in code, where `JSONEncoder`'s sorting and the
            // byte order agree; ``StructuredData/Members`` keeps them sorted.
            for (index, member) in members.pairs.enumerated() {
                if index > 0 { output.append(UInt8(ascii: ",")) }
                ScriptJSON.appendString(member.key, to: &output)
                output.append(UInt8(ascii: ":"))
                member.value.write(into: &output)
            }
            output.append(UInt8(ascii: "}"))
        }
    }
}
