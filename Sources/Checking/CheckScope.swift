import HandbookCore

/// Which rules read one page alone, and which read front matter only: incremental builds
/// re-run only the rules a change can affect.
package enum CheckScope {
    /// Rules whose findings for a page depend on that page, the settings and the context only.
    package static let pageRules: Set<Rule> = [
        .readability, .sentenceLength, .summary, .reviewed, .reviewer, .reviewDue, .sources, .exerciseSafety, .altText, .headings,
    ]
    /// Site-wide rules that read front matter only: their findings stand while only bodies change.
    package static let frontMatterRules: Set<Rule> = [.coverage, .duplicateTitle]
}
