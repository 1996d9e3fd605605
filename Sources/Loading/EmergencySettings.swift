
/// `emergency:` in `handbook.yml`: where readers get help, shown in every page's emergency
/// box and available to pages as `{{emergency.number}}`, `{{emergency.urgent}}` and
/// `{{emergency.note}}`. A handbook read in another country names its own numbers.
public struct EmergencySettings: Sendable, Equatable {
    /// The number to call in an emergency, such as "911".
    public var number: String
    /// Where to get help the same day, such as "your doctor or an urgent care clinic".
    public var urgent: String
    /// The plain fallback for readers elsewhere, such as "or your local emergency number".
    public var note: String

    package enum CodingKeys: String, CodingKey, CaseIterable {
        case number, urgent, note
    }

    /// - Parameters:
    ///   - number: The number to call in an emergency.
    ///   - urgent: Where to get help the same day.
    ///   - note: The fallback line for readers elsewhere.
    public init(number: String, urgent: String, note: String) {
        (self.number, self.urgent, self.note) = (number, urgent, note)
    }

    /// The values by name, as pages and templates write them.
    package var placeholders: [String: String] {
        ["emergency.number": number, "emergency.urgent": urgent, "emergency.note": note]
    }

    /// The first setting that is empty, if any.
    package var emptyField: CodingKeys? {
        CodingKeys.allCases.first { field in
            switch field {
            case .number: number.trimmingSpaces.isEmpty
            case .urgent: urgent.trimmingSpaces.isEmpty
            case .note: note.trimmingSpaces.isEmpty
            }
        }
    }
}
