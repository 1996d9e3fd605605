import HandbookCore

/// The YAML front matter of a page or section intro, decoded strictly: unknown keys
/// are errors (see ``FrontMatterSchema``), and closed sets are enums.
public struct FrontMatter: Sendable, Equatable, Decodable {
    public var title: String
    public var summary: String?
    public var order: Int?
    public var reviewed: Day?
    /// Who checked the page clinically at ``reviewed``: a role and a name the clinic records,
    /// such as "Physical therapist Ana Ruiz". Pages show it; without it they claim no review.
    public var reviewedBy: String?
    public var nextReview: Day?
    public var sources: [String]?
    public var draft: Bool?
    public var covers: [String]?
    public var exercise: Exercise?

    package enum CodingKeys: String, CodingKey, CaseIterable {
        case title, summary, order, reviewed
        case reviewedBy = "reviewed_by"
        case nextReview = "next_review"
        case sources, draft, covers, exercise
    }

    /// Creates front matter in code (tests, `handbook new`).
    public init(
        title: String, summary: String? = nil, order: Int? = nil, reviewed: Day? = nil, reviewedBy: String? = nil,
        nextReview: Day? = nil, sources: [String]? = nil, draft: Bool? = nil, covers: [String]? = nil, exercise: Exercise? = nil
    ) {
        self.reviewedBy = reviewedBy
        self.title = title
        self.summary = summary
        self.order = order
        self.reviewed = reviewed
        self.nextReview = nextReview
        self.sources = sources
        self.draft = draft
        self.covers = covers
        self.exercise = exercise
    }

    /// The recorded reviewer, trimmed; nil when none is recorded or the field is blank.
    public var recordedReviewer: String? {
        guard let reviewer = reviewedBy?.trimmingSpaces, !reviewer.isEmpty else { return nil }
        return reviewer
    }

    /// Whether the page is a draft, built only with `--drafts`.
    public var isDraft: Bool { draft ?? false }
}

/// The `exercise:` block that makes a page an exercise page.
public struct Exercise: Sendable, Equatable, Decodable {
    public var type: ExerciseType
    public var targets: [String]
    public var level: Level
    public var equipment: String?
    public var holdSeconds: Int?
    public var reps: Int?
    public var sets: Int?
    public var frequency: String?
    public var stopIf: [String]
    public var avoidIf: [String]

    package enum CodingKeys: String, CodingKey, CaseIterable {
        case type, targets, level, equipment
        case holdSeconds = "hold_seconds"
        case reps, sets, frequency
        case stopIf = "stop_if"
        case avoidIf = "avoid_if"
    }

    /// Creates an exercise block in code.
    public init(
        type: ExerciseType, targets: [String], level: Level, equipment: String? = nil, holdSeconds: Int? = nil,
        reps: Int? = nil, sets: Int? = nil, frequency: String? = nil, stopIf: [String], avoidIf: [String]
    ) {
        self.type = type
        self.targets = targets
        self.level = level
        self.equipment = equipment
        self.holdSeconds = holdSeconds
        self.reps = reps
        self.sets = sets
        self.frequency = frequency
        self.stopIf = stopIf
        self.avoidIf = avoidIf
    }
}

/// The four kinds of exercise, in the order the exercise index lists them.
public enum ExerciseType: String, Sendable, CaseIterable, ClosedSet {
    case lowImpact = "low-impact"
    case stretching, strengthening, core

    /// The heading shown in the exercise index.
    public var title: String {
        switch self {
        case .lowImpact: "Low-impact activity"
        case .stretching: "Stretching"
        case .strengthening: "Strengthening"
        case .core: "Core"
        }
    }
}

/// How demanding an exercise is.
public enum Level: String, Sendable, CaseIterable, ClosedSet {
    case beginner, intermediate
}

/// A string enum decoded from YAML that names its allowed values when a value is wrong.
public protocol ClosedSet: RawRepresentable<String>, CaseIterable, Decodable {}

extension ClosedSet {
    public init(from decoder: Decoder) throws {
        let raw = try decoder.singleValueContainer().decode(String.self)
        guard let value = Self(rawValue: raw) else {
            throw FieldError(
                codingPath: decoder.codingPath, rule: .invalidValue,
                message: Message.invalidValue(raw, allowed: Self.allCases.map(\.rawValue)))
        }
        self = value
    }
}

/// A problem with one field that a custom decoder found; carries its coding path
/// so the loader can point at the field's line.
package struct FieldError: Error {
    package var codingPath: [CodingKey]
    package var rule: Rule
    package var message: String
}
