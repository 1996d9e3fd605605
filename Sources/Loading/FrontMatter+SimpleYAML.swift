
extension FrontMatter: SimpleFieldsDecodable {
    package init(_ fields: SimpleFields) throws {
        self.init(
            title: try fields.text("title"), summary: try fields.optional("summary", fields.text),
            order: try fields.optional("order", fields.int), reviewed: try fields.optional("reviewed", fields.day),
            reviewedBy: try fields.optional("reviewed_by", fields.text),
            nextReview: try fields.optional("next_review", fields.day), sources: try fields.optional("sources", fields.list),
            draft: try fields.optional("draft", fields.bool), covers: try fields.optional("covers", fields.list),
            exercise: try fields.optional("exercise") { try Exercise(fields.mapping($0)) })
    }
}

extension Exercise {
    fileprivate init(_ fields: SimpleFields) throws {
        self.init(
            type: try fields.closedSet("type"), targets: try fields.list("targets"), level: try fields.closedSet("level"),
            equipment: try fields.optional("equipment", fields.text), holdSeconds: try fields.optional("hold_seconds", fields.int),
            reps: try fields.optional("reps", fields.int), sets: try fields.optional("sets", fields.int),
            frequency: try fields.optional("frequency", fields.text),
            stopIf: try fields.list("stop_if"), avoidIf: try fields.list("avoid_if"))
    }
}
