import HandbookCore
import Rendering
import Linking

/// `readability`: a page's running text reads above the configured grade (`max_grade`, default 8).
/// Pages under ``minimumWords`` aren't graded: the formula needs a sample (one word,
/// "Body.", scores 8.4).
package struct ReadabilityRule: CheckRule {
    package let id = Rule.readability
    package let defaultSeverity = Diagnostic.Severity.warning
    package static let minimumWords = 20

    package func findings(in site: LinkedSite, context: CheckContext) -> [Finding] {
        let limit = site.site.config.maxGrade
        return site.checkedPages.compactMap { page in
            guard let line = page.proseCounts.firstLine, let counts = page.proseCounts.readability else { return nil }
            guard counts.words >= Self.minimumWords, counts.grade > limit else { return nil }
            return Finding(file: page.page.file, line: line, message: Message.readability(counts.grade, limit: limit))
        }
    }
}

/// `sentence-length`: a sentence over 25 words, which the content brief never allows.
package struct SentenceLengthRule: CheckRule {
    package let id = Rule.sentenceLength
    package let defaultSeverity = Diagnostic.Severity.warning
    package static var limit: Int { ProseCounts.longSentenceLimit }

    package func findings(in site: LinkedSite, context: CheckContext) -> [Finding] {
        site.checkedPages.flatMap { page in
            page.proseCounts.longSentences.map { line, words in
                Finding(file: page.page.file, line: line, message: Message.longSentence(words, limit: Self.limit))
            }
        }
    }
}
