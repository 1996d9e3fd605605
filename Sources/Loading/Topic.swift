import HandbookCore
import Yams

/// One topic id from `Content/topics.yml`, which pages name in `covers:`.
public struct Topic: Sendable, Equatable {
    public var id: String
    public var title: String
    /// The group heading it is listed under, such as `exercises`.
    public var group: String
    /// Where it is listed, for "not covered" diagnostics.
    public var file: String
    public var line: Int

    /// Reads `topics.yml`: a mapping of group → mapping of id → short title.
    /// - Parameters:
    ///   - text: The file's text.
    ///   - file: The path shown in diagnostics.
    /// - Returns: The topics in file order, and any problems with the file's shape.
    package static func parse(_ text: String, file: String) -> ([Topic], [Diagnostic]) {
        let root: Node?
        do {
            root = try Yams.compose(yaml: text)
        } catch {
            return ([], [Diagnostic(file: file, rule: .yamlSyntax, message: Message.yamlSyntax("\(error)"))])
        }
        guard let groups = root?.mapping else {
            return ([], [Diagnostic(file: file, rule: .coverage, message: Message.topicsShape)])
        }
        var topics: [Topic] = []
        var diagnostics: [Diagnostic] = []
        for (groupKey, entries) in groups {
            guard let mapping = entries.mapping else {
                diagnostics.append(Diagnostic(file: file, line: groupKey.mark?.line ?? 1, rule: .coverage, message: Message.topicsShape))
                continue
            }
            for (idNode, titleNode) in mapping {
                topics.append(Topic(id: idNode.string ?? "", title: titleNode.string ?? "", group: groupKey.string ?? "",
                                    file: file, line: idNode.mark?.line ?? 1))
            }
        }
        return (topics, diagnostics)
    }
}
