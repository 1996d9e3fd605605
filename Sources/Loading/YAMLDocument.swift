import HandbookCore
import Yams

/// Decodes a YAML block into a typed value, turning every Yams and `Codable` error into
/// a ``Diagnostic`` at the right line of the file.
package struct YAMLDocument {
    /// The file path shown in diagnostics.
    package var file: String
    /// The YAML text.
    package var yaml: String
    /// The file line of the YAML's first line.
    package var firstLine: Int

    /// Decodes `type`, checking `schema` first.
    /// - Returns: The value, or nil with the diagnostics that explain why.
    package func decode<T: Decodable>(_ type: T.Type, schema: FrontMatterSchema) -> (T?, [Diagnostic]) {
        let (value, diagnostics, _) = decodeWithKeyLines(type, schema: schema)
        return (value, diagnostics)
    }

    /// Decodes `type` and also returns the file line of each top-level key, so later
    /// checks can point at `summary:` or `covers:` rather than at the file's first line.
    package func decodeWithKeyLines<T: Decodable>(_ type: T.Type, schema: FrontMatterSchema) -> (T?, [Diagnostic], [String: Int]) {
        let (value, diagnostics, node) = decodeNode(type, schema: schema)
        var lines: [String: Int] = [:]
        if let mapping = node?.mapping {
            for (key, _) in mapping {
                if let name = key.string, let mark = key.mark { lines[name] = mark.line + firstLine - 1 }
            }
        }
        return (value, diagnostics, lines)
    }

    private func decodeNode<T: Decodable>(_ type: T.Type, schema: FrontMatterSchema) -> (T?, [Diagnostic], Node?) {
        let node: Node
        do {
            guard let root = try Yams.compose(yaml: yaml), root.mapping != nil else {
                return (nil, [diagnostic(nil, .frontMatter, Message.frontMatterNotMapping)], nil)
            }
            node = root
        } catch let error as YamlError {
            return (nil, [diagnostic(for: error)], nil)
        } catch {
            return (nil, [diagnostic(nil, .yamlSyntax, Message.yamlSyntax("\(error)"))], nil)
        }
        let problems = schema.problems(in: node).map { diagnostic($0.mark, $0.rule, $0.message) }
        guard problems.isEmpty else { return (nil, problems, node) }
        do {
            return (try YAMLDecoder().decode(T.self, from: node), [], node)
        } catch let error as FieldError {
            return (nil, [diagnostic(mark(at: error.codingPath, in: node), error.rule, error.message)], node)
        } catch let error as DecodingError {
            return (nil, [diagnostic(for: error, in: node)], node)
        } catch {
            return (nil, [diagnostic(nil, .wrongType, "\(error)")], node)
        }
    }

    private func diagnostic(_ mark: Mark?, _ rule: Rule, _ message: String) -> Diagnostic {
        // Yams marks are 1-based within the YAML block; without one, point at the opening `---`.
        guard let mark else { return Diagnostic(file: file, line: firstLine - 1, column: 1, rule: rule, message: message) }
        return Diagnostic(file: file, line: mark.line + firstLine - 1, column: mark.column, rule: rule, message: message)
    }

    private func diagnostic(for error: YamlError) -> Diagnostic {
        switch error {
        case .scanner(let context, let problem, let mark, _),
             .parser(let context, let problem, let mark, _),
             .composer(let context, let problem, let mark, _):
            let text = context.map { "\(problem) \($0.text)" } ?? problem
            return diagnostic(mark, .yamlSyntax, Message.yamlSyntax(text))
        case .duplicatedKeysInMapping(let duplicates, let context):
            return diagnostic(context.mark, .yamlSyntax, Message.duplicateKey(duplicates))
        default:
            return diagnostic(nil, .yamlSyntax, Message.yamlSyntax("\(error)"))
        }
    }

    private func diagnostic(for error: DecodingError, in root: Node) -> Diagnostic {
        switch error {
        case .typeMismatch(let type, let context):
            let node = self.node(at: context.codingPath, in: root)
            let expected = Self.describe(type)
            // `- NHS: Sciatica - https://…` unquoted is a mapping, not text: say how to fix it.
            let hint = expected == "text" && node?.mapping != nil ? "put the value in quotes because it contains `: `" : nil
            return diagnostic(node?.mark, .wrongType, Message.wrongType(Self.fieldName(context.codingPath), expected: expected, hint: hint))
        case .valueNotFound(_, let context):
            return diagnostic(mark(at: context.codingPath, in: root), .missingField, Message.emptyValue(Self.fieldName(context.codingPath)))
        case .keyNotFound(let key, let context):
            return diagnostic(mark(at: context.codingPath, in: root), .missingField,
                              Message.missingField(key.stringValue, in: context.codingPath.last?.stringValue))
        case .dataCorrupted(let context):
            return diagnostic(mark(at: context.codingPath, in: root), .wrongType, context.debugDescription)
        @unknown default:
            return diagnostic(nil, .wrongType, "\(error)")
        }
    }

    private func mark(at path: [CodingKey], in root: Node) -> Mark? {
        node(at: path, in: root)?.mark
    }

    /// Follows a coding path through the composed YAML, as far as it goes.
    private func node(at path: [CodingKey], in root: Node) -> Node? {
        var current = root
        for key in path {
            if let index = key.intValue, let sequence = current.sequence, index < sequence.count {
                current = sequence[index]
            } else if let value = current.mapping?.first(where: { $0.key.string == key.stringValue })?.value {
                current = value
            } else {
                break
            }
        }
        return current
    }

    private static func fieldName(_ path: [CodingKey]) -> String {
        path.map { $0.intValue.map { "[\($0)]" } ?? ".\($0.stringValue)" }.joined().dropFirst().description
    }

    private static func describe(_ type: Any.Type) -> String {
        switch type {
        case is Int.Type: "a whole number"
        case is Bool.Type: "`true` or `false`"
        case is String.Type: "text"
        case is [String].Type: "a list of text items, such as `[one, two]`"
        // Yams reports a wanted plain value as `Node.Scalar`.
        case is Node.Scalar.Type: "text"
        default: "a set of `key: value` lines"
        }
    }
}
