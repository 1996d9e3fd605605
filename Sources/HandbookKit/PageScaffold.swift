import HandbookCore

/// The starting text of a new page for `handbook new`: complete front matter with every
/// field an author must fill, and the body headings the content brief asks for.
public enum PageScaffold {
    /// The two kinds of page `handbook new` can create.
    public enum Kind: String, Sendable, CaseIterable {
        case article, exercise
    }

    /// The Markdown for a new page.
    /// - Parameters:
    ///   - kind: Article or exercise.
    ///   - slug: The file name without `.md`; its words become the draft title.
    ///   - today: The date to put in `reviewed` (the caller reads the clock).
    /// - Returns: The file's text, which builds as a draft until `draft: true` is removed.
    public static func markdown(kind: Kind, slug: String, today: Day) -> String {
        let title = slug.split(separator: "-").map { $0.prefix(1).uppercased() + $0.dropFirst() }.joined(separator: " ")
        let nextReview = Day(year: today.year + 2, month: today.month, day: min(today.day, 28))!
        var lines = [
            "---",
            "title: \(title)",
            "summary: One sentence, 160 characters at most, with the page's main message.",
            "order: 100",
            "reviewed: \(today)",
            "next_review: \(nextReview)",
            "sources:",
            "  - \"Sciatica - NHS - https://www.nhs.uk/conditions/sciatica/\"",
            "draft: true",
            "covers: []",
        ]
        switch kind {
        case .article:
            lines += ["---", "", "## Key points", "", "- ", "", "## What you can do", "", "",
                      "## When to get help", "", "See [emergency signs](../safety/emergency-signs.md).", ""]
        case .exercise:
            lines += [
                "exercise:",
                "  type: stretching  # low-impact | stretching | strengthening | core",
                "  targets: [low back]",
                "  level: beginner  # beginner | intermediate",
                "  equipment: None",
                "  hold_seconds: 10",
                "  reps: 5",
                "  sets: 1",
                "  frequency: Once a day",
                "  stop_if: [Pain spreads further down your arm or leg, \"Numbness, tingling or weakness gets worse\", You feel worse the next day]",
                "  avoid_if: [\"You had spine surgery recently, unless your surgeon or physical therapist says it's OK\"]",
                "---", "",
                "## Who it helps", "", "",
                "## How to do it", "", "1. ", "",
                "## Common mistakes", "", "- ", "",
                "## Make it easier", "", "",
                "## Make it harder", "", "",
            ]
        }
        return lines.joined(separator: "\n")
    }
}
