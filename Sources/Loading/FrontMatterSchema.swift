import HandbookCore
import Yams

/// The keys a YAML mapping may hold and which of them are required. Checked before
/// decoding, so a file reports every unknown and missing key at once (`Codable`
/// stops at the first), each at its own line.
package struct FrontMatterSchema: Sendable {
    package var keys: [String]
    package var required: Set<String>
    package var nested: [String: FrontMatterSchema] = [:]

    package static let exercise = FrontMatterSchema(
        keys: Exercise.CodingKeys.allCases.map(\.rawValue),
        required: ["type", "targets", "level", "stop_if", "avoid_if"])

    /// An article or exercise page.
    package static let page = FrontMatterSchema(
        keys: FrontMatter.CodingKeys.allCases.map(\.rawValue),
        required: ["title", "summary", "reviewed", "sources"],
        nested: ["exercise": exercise])

    /// A section's `_index.md`: only its title is required.
    package static let sectionIndex = FrontMatterSchema(
        keys: FrontMatter.CodingKeys.allCases.map(\.rawValue),
        required: ["title"],
        nested: ["exercise": exercise])

    /// `handbook.yml`.
    package static let config = FrontMatterSchema(
        keys: SiteConfig.CodingKeys.allCases.map(\.rawValue),
        required: ["title", "description", "language"],
        nested: ["emergency": FrontMatterSchema(keys: EmergencySettings.CodingKeys.allCases.map(\.rawValue), required: [])])

    /// Reports unknown keys (with a did-you-mean hint) and missing required keys.
    /// - Parameters:
    ///   - node: The mapping to check.
    ///   - parent: The key holding this mapping, for messages; nil at the top level.
    /// - Returns: Each problem with the YAML mark it belongs at.
    package func problems(in node: Node, parent: String? = nil) -> [(mark: Mark?, rule: Rule, message: String)] {
        guard let mapping = node.mapping else { return [] }
        var found: [(mark: Mark?, rule: Rule, message: String)] = []
        var present = Set<String>()
        for (keyNode, value) in mapping {
            let key = keyNode.string ?? ""
            present.insert(key)
            guard keys.contains(key) else {
                let suggestion = closestMatch(to: key, in: keys)
                // A misspelt required key is one problem, not an unknown key plus a missing one.
                if let suggestion { present.insert(suggestion) }
                let message = Message.unknownKey(key, suggestion: suggestion, allowed: keys)
                found.append((keyNode.mark, .unknownKey, message))
                continue
            }
            if let schema = nested[key], value.mapping != nil {
                found += schema.problems(in: value, parent: key)
            }
        }
        for key in keys where required.contains(key) && !present.contains(key) {
            found.append((node.mark, .missingField, Message.missingField(key, in: parent)))
        }
        return found
    }
}
