import HandbookCore

/// Dates in front matter: a bad one is an `invalid-date` error at its key.
extension Day: Decodable {
    public init(from decoder: Decoder) throws {
        let text = try decoder.singleValueContainer().decode(String.self)
        guard let day = Day(text) else {
            throw FieldError(codingPath: decoder.codingPath, rule: .invalidDate, message: Message.invalidDate(text))
        }
        self = day
    }
}
