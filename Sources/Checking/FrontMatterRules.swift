import HandbookCore
import Loading
import Rendering
import Linking

/// `summary`: missing, or longer than 160 characters (it is the meta description and list text).
package struct SummaryRule: PageRule {
    package let id = Rule.summary
    package let defaultSeverity = Diagnostic.Severity.error
    package static let limit = 160

    package func findings(on rendered: RenderedPage, in site: LinkedSite, context: CheckContext) -> [Finding] {
        let page = rendered.page
        guard let summary = page.frontMatter.summary?.trimmingSpaces, !summary.isEmpty else {
            return [Finding(file: page.file, line: page.line(of: "summary"), message: Message.missingSummary)]
        }
        let length = characterCount(summary)
        guard length > Self.limit else { return [] }
        return [Finding(file: page.file, line: page.line(of: "summary"), message: Message.longSummary(length))]
    }

    /// `count`, which walks grapheme clusters; printable ASCII (no `\r\n` pair) has one per byte.
    private func characterCount(_ text: String) -> Int {
        text.utf8.allSatisfy({ $0 >= 0x20 && $0 < 0x7F }) ? text.utf8.count : text.count
    }
}

/// `reviewer`: a page (not a section intro) that records no clinician's review (`reviewed_by`),
/// so readers are not told it had one.
package struct ReviewerRule: PageRule {
    package let id = Rule.reviewer
    package let defaultSeverity = Diagnostic.Severity.warning

    package func findings(on rendered: RenderedPage, in site: LinkedSite, context: CheckContext) -> [Finding] {
        let page = rendered.page
        guard !page.isSectionIndex, page.frontMatter.recordedReviewer == nil else { return [] }
        return [Finding(file: page.file, line: page.frontMatter.reviewed == nil ? 1 : page.line(of: "reviewed"), message: Message.missingReviewer)]
    }
}

/// `reviewed`: every page (not section intros) records its clinical review date, which is
/// not in the future; `next_review`, if set, is later.
package struct ReviewedRule: PageRule {
    package let id = Rule.reviewed
    package let defaultSeverity = Diagnostic.Severity.error

    package func findings(on rendered: RenderedPage, in site: LinkedSite, context: CheckContext) -> [Finding] {
        let page = rendered.page, matter = page.frontMatter
        guard !page.isSectionIndex else { return [] }
        guard let reviewed = matter.reviewed else {
            return [Finding(file: page.file, line: 1, message: Message.missingReviewed)]
        }
        if let today = context.today, reviewed > today {
            return [Finding(file: page.file, line: page.line(of: "reviewed"), message: Message.reviewedInFuture(reviewed))]
        }
        if let next = matter.nextReview, next <= reviewed {
            return [Finding(file: page.file, line: page.line(of: "next_review"), message: Message.nextReviewBeforeReviewed(next, reviewed))]
        }
        return []
    }
}

/// `review-due`: `next_review` has passed. A warning: the page is still published.
package struct ReviewDueRule: PageRule {
    package let id = Rule.reviewDue
    package let defaultSeverity = Diagnostic.Severity.warning

    package func findings(on rendered: RenderedPage, in site: LinkedSite, context: CheckContext) -> [Finding] {
        guard let today = context.today, let due = rendered.page.frontMatter.nextReview, due < today else { return [] }
        return [Finding(file: rendered.page.file, line: rendered.page.line(of: "next_review"), message: Message.reviewDue(due))]
    }
}

/// `sources`: pages cite at least one source, each "Title - https://url".
package struct SourcesRule: PageRule {
    package let id = Rule.sources
    package let defaultSeverity = Diagnostic.Severity.error

    package func findings(on rendered: RenderedPage, in site: LinkedSite, context: CheckContext) -> [Finding] {
        let page = rendered.page
        guard !page.isSectionIndex else { return [] }
        let sources = page.frontMatter.sources ?? []
        guard !sources.isEmpty else { return [Finding(file: page.file, line: page.line(of: "sources"), message: Message.noSources)] }
        return sources.filter { !SourceCitation($0).hasWellFormedURL }.map {
            Finding(file: page.file, line: page.line(of: "sources"), message: Message.badSource($0))
        }
    }
}

/// `duplicate-title`: two pages with the same title confuse lists, search and tabs.
/// A warning by default; the handbook raises it to an error.
package struct DuplicateTitleRule: CheckRule {
    package let id = Rule.duplicateTitle
    package let defaultSeverity = Diagnostic.Severity.warning

    package func findings(in site: LinkedSite, context: CheckContext) -> [Finding] {
        var seen: [String: String] = [:]
        var found: [Finding] = []
        for source in site.readingOrder {
            // Three fields, not the whole page: copying a rendered page costs more than the rule.
            guard let title = site.page(source)?.page.frontMatter.title else { continue }
            let key = Self.key(title)
            guard let other = seen[key] else {
                seen[key] = source
                continue
            }
            let page = site.page(source)!.page
            found.append(Finding(file: page.file, line: page.line(of: "title"), message: Message.duplicateTitle(title, other: other)))
        }
        return found
    }

    /// Titles that differ only in case or outer spaces count as the same. ASCII is lowered
    /// byte by byte, which is what `lowercased()` does to it.
    package static func key(_ title: String) -> String {
        guard title.utf8.allSatisfy({ $0 < 0x80 }) else { return title.lowercased().trimmingSpaces }
        guard title.utf8.contains(where: { $0 &- UInt8(ascii: "A") < 26 }) else { return title.trimmingSpaces }
        return String(decoding: title.utf8.map { $0 &- UInt8(ascii: "A") < 26 ? $0 | 0x20 : $0 }, as: UTF8.self).trimmingSpaces
    }
}
