/// `summary`: missing, or longer than 160 characters (it is the meta description and list text).
struct SummaryRule: CheckRule {
    let id = Rule.summary
    let defaultSeverity = Diagnostic.Severity.error
    static let limit = 160

    func findings(in site: LinkedSite, context: CheckContext) -> [Finding] {
        site.checkedPages.compactMap { rendered in
            let page = rendered.page
            guard let summary = page.frontMatter.summary?.trimmingSpaces, !summary.isEmpty else {
                return Finding(file: page.file, line: page.line(of: "summary"), message: Message.missingSummary)
            }
            guard summary.count > Self.limit else { return nil }
            return Finding(file: page.file, line: page.line(of: "summary"), message: Message.longSummary(summary.count))
        }
    }
}

/// `reviewed`: every page (not section intros) records its clinical review date, which is
/// not in the future; `next_review`, if set, is later.
struct ReviewedRule: CheckRule {
    let id = Rule.reviewed
    let defaultSeverity = Diagnostic.Severity.error

    func findings(in site: LinkedSite, context: CheckContext) -> [Finding] {
        site.checkedPages.filter { !$0.page.isSectionIndex }.compactMap { rendered in
            let page = rendered.page, matter = page.frontMatter
            guard let reviewed = matter.reviewed else {
                return Finding(file: page.file, line: 1, message: Message.missingReviewed)
            }
            if let today = context.today, reviewed > today {
                return Finding(file: page.file, line: page.line(of: "reviewed"), message: Message.reviewedInFuture(reviewed))
            }
            if let next = matter.nextReview, next <= reviewed {
                return Finding(file: page.file, line: page.line(of: "next_review"), message: Message.nextReviewBeforeReviewed(next, reviewed))
            }
            return nil
        }
    }
}

/// `review-due`: `next_review` has passed. A warning: the page is still published.
struct ReviewDueRule: CheckRule {
    let id = Rule.reviewDue
    let defaultSeverity = Diagnostic.Severity.warning

    func findings(in site: LinkedSite, context: CheckContext) -> [Finding] {
        guard let today = context.today else { return [] }
        return site.checkedPages.compactMap { rendered in
            guard let due = rendered.page.frontMatter.nextReview, due < today else { return nil }
            return Finding(file: rendered.page.file, line: rendered.page.line(of: "next_review"), message: Message.reviewDue(due))
        }
    }
}

/// `sources`: pages cite at least one source, each "Title - https://url".
struct SourcesRule: CheckRule {
    let id = Rule.sources
    let defaultSeverity = Diagnostic.Severity.error

    func findings(in site: LinkedSite, context: CheckContext) -> [Finding] {
        site.checkedPages.filter { !$0.page.isSectionIndex }.flatMap { rendered -> [Finding] in
            let page = rendered.page
            let sources = page.frontMatter.sources ?? []
            guard !sources.isEmpty else { return [Finding(file: page.file, line: page.line(of: "sources"), message: Message.noSources)] }
            return sources.filter { !SourceCitation($0).hasWellFormedURL }.map {
                Finding(file: page.file, line: page.line(of: "sources"), message: Message.badSource($0))
            }
        }
    }
}

/// `duplicate-title`: two pages with the same title confuse lists, search and tabs.
/// A warning by default; the handbook raises it to an error.
struct DuplicateTitleRule: CheckRule {
    let id = Rule.duplicateTitle
    let defaultSeverity = Diagnostic.Severity.warning

    func findings(in site: LinkedSite, context: CheckContext) -> [Finding] {
        var seen: [String: String] = [:]
        return site.checkedPages.compactMap { rendered in
            let page = rendered.page
            let key = page.frontMatter.title.lowercased().trimmingSpaces
            guard let other = seen[key] else {
                seen[key] = page.source
                return nil
            }
            return Finding(file: page.file, line: page.line(of: "title"), message: Message.duplicateTitle(page.frontMatter.title, other: other))
        }
    }
}
