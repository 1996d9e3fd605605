/// The wording of every diagnostic, in one place, so each rule says the same thing
/// wherever it fires and every message tells the author what to do.
package enum Message {
    // Files and folders
    package static let emptyFile = "file is empty; a page needs front matter with at least a `title`"
    package static let binaryFile = "file looks binary (it contains NUL bytes); pages must be UTF-8 text"
    package static func encoding() -> String { "file is not valid UTF-8 here; save it as UTF-8" }
    package static func symlinkOutside(_ target: String) -> String {
        "symlink points outside the content folder (to \(target)); it is not followed or copied"
    }
    package static let symlinkLoop = "symlink loop: this link leads back to itself; remove it"
    package static let symlinkBroken = "symlink points to nothing; remove it or fix its target"
    package static let pageOutsideSection = "pages live in a section folder (`Content/<section>/<slug>.md`); move this file into one"
    package static let nestedPage = "pages live directly in their section folder; nested folders may hold images and files only"
    package static func slug(_ name: String) -> String {
        "`\(name)` is not a valid slug; use lowercase letters a-z, digits and hyphens only"
    }
    package static func duplicateOutput(_ output: String, _ other: String) -> String {
        "this file and `\(other)` would both be written to `\(output)`; rename one of them"
    }
    package static let reservedIndex = "`index.md` would overwrite the section page; put the section's introduction in `_index.md`"
    package static func missingIndex(_ section: String) -> String {
        "section `\(section)` has no `_index.md`; add one with a `title`, `summary` and `order`"
    }
    package static let missingConfig = "missing `handbook.yml` in the content folder; add one with `title`, `description` and `language`"

    // Front matter
    package static let noFrontMatter = "missing front matter; start the file with a `---` line, then `title: ...`, then `---`"
    package static let unterminatedFrontMatter = "front matter is not closed; add a `---` line after the last key"
    package static let frontMatterNotMapping = "front matter must be `key: value` lines"
    package static func yamlSyntax(_ problem: String) -> String { "YAML syntax error: \(problem)" }
    package static func duplicateKey(_ keys: [String]) -> String {
        "duplicate key `\(keys.joined(separator: "`, `"))`; keep only one"
    }
    package static func missingField(_ key: String, in parent: String?) -> String {
        if let parent { return "missing required field `\(key)` in `\(parent)`" }
        return "missing required field `\(key)`"
    }
    package static func unknownKey(_ key: String, suggestion: String?, allowed: [String]) -> String {
        if let suggestion { return "unknown key `\(key)`; did you mean `\(suggestion)`?" }
        return "unknown key `\(key)`; allowed keys are \(allowed.map { "`\($0)`" }.joined(separator: ", "))"
    }
    package static func wrongType(_ field: String, expected: String, hint: String?) -> String {
        "`\(field)` must be \(expected)" + (hint.map { "; \($0)" } ?? "")
    }
    package static func emptyValue(_ field: String) -> String { "`\(field)` is empty; give it a value or remove the line" }
    package static func invalidDate(_ text: String) -> String { "`\(text)` is not a valid date; write it as YYYY-MM-DD" }
    package static func invalidValue(_ value: String, allowed: [String]) -> String {
        "`\(value)` is not allowed here; use one of \(allowed.map { "`\($0)`" }.joined(separator: ", "))"
    }
    package static let missingReviewer = """
        no `reviewed_by`: the page shows no clinical review; add the reviewer's role and name, \
        such as `reviewed_by: Physical therapist Ana Ruiz`, once a clinician has checked it
        """
    package static func unknownPlaceholder(_ name: String, known: [String]) -> String {
        let suggestion = closestMatch(to: name, in: known).map { "; did you mean `{{\($0)}}`?" } ?? ""
        return "unknown placeholder `{{\(name)}}`\(suggestion) (pages can use \(known.map { "`{{\($0)}}`" }.joined(separator: ", ")))"
    }
    package static func badSyllableCount(_ word: String, _ count: Int) -> String {
        "`syllables: {\(word): \(count)}` must give a word 1 syllable or more"
    }
    package static let emergencyMissing = """
        `handbook.yml` needs `emergency:` settings, which every page's emergency box shows; add \
        `emergency: {number: "911", urgent: "your doctor or an urgent care clinic", note: "or your local emergency number"}` \
        with your readers' numbers
        """
    package static func emergencyEmpty(_ key: String) -> String {
        "`emergency.\(key)` is empty; every page's emergency box shows it, so give your readers' \(key == "number" ? "emergency number" : "wording")"
    }
    package static func baseURL(_ url: String) -> String { "`base_url` must be an absolute http(s) URL, not `\(url)`" }

    // Links
    package static func unsafeURL(_ url: String) -> String {
        "link to `\(url)` was removed; only http, https, mailto, tel and relative links are allowed"
    }
    package static func missingPage(_ target: String) -> String { "link to missing page `\(target)`" }
    package static func draftPage(_ target: String) -> String {
        "link to draft page `\(target)`, which is not built; publish it or remove the link"
    }
    package static func missingFile(_ target: String) -> String { "link to missing file `\(target)`" }
    package static func outsideContent(_ target: String) -> String { "link `\(target)` leaves the content folder" }
    package static func missingAnchor(_ fragment: String, page: String, known: [String], suggestion: String?) -> String {
        let hint = suggestion.map { "; did you mean `#\($0)`?" }
            ?? (known.isEmpty ? "; that page has no headings" : "")
        return "`\(page)` has no heading with id `#\(fragment)`" + hint
    }

    // Content rules
    package static func readability(_ grade: Double, limit: Double) -> String {
        "reading grade \(oneDecimal(grade)) is above \(oneDecimal(limit)); use shorter sentences and everyday words"
    }
    package static func longSentence(_ words: Int, limit: Int) -> String {
        "a sentence of \(words) words is longer than \(limit); split it in two"
    }
    package static let missingSummary = "missing `summary`; add one sentence with the page's main message"
    package static func longSummary(_ length: Int) -> String {
        "`summary` is \(length) characters; keep it to 160 or fewer"
    }
    package static let missingReviewed = "missing `reviewed`; add the date of the last clinical review (YYYY-MM-DD)"
    package static func reviewedInFuture(_ day: Day) -> String { "`reviewed` date \(day) is in the future" }
    package static func nextReviewBeforeReviewed(_ next: Day, _ reviewed: Day) -> String {
        "`next_review` \(next) is not after `reviewed` \(reviewed)"
    }
    package static func reviewDue(_ day: Day) -> String {
        "review was due on \(day); review the page against its sources and update `reviewed` and `next_review`"
    }
    package static let noSources = "no `sources`; cite at least one as \"Title - https://url\""
    package static func badSource(_ entry: String) -> String {
        "source `\(entry)` has no well-formed http(s) URL; write it as \"Title - https://url\""
    }
    package static func emptySafetyList(_ key: String) -> String { "exercise has an empty `\(key)` list; add at least one item" }
    package static func noRedFlagsPage(_ page: String) -> String {
        "exercise pages link to the red-flags page `\(page)`, which does not exist; add it"
    }
    package static let emptyAlt = "image has no alt text; describe who does what, in which position"
    package static func fileNameAlt(_ alt: String) -> String { "alt text `\(alt)` is a file name; describe what the picture shows" }
    package static let h1InBody = "`#` heading in the body; the page title is the only top-level heading, so start at `##`"
    package static func skippedLevel(from: Int, to: Int) -> String {
        "heading level jumps from h\(from) to h\(to); use h\(from + 1)"
    }
    package static func uncoveredTopic(_ id: String) -> String { "topic `\(id)` is not covered by any page's `covers:`" }
    package static func unknownTopic(_ id: String, suggestion: String?) -> String {
        "`covers:` names unknown topic `\(id)`" + (suggestion.map { "; did you mean `\($0)`?" } ?? "")
    }
    package static func duplicateTitle(_ title: String, other: String) -> String {
        "title `\(title)` is also used by `\(other)`; give each page its own title"
    }
    package static let topicsShape = "`topics.yml` must map each group to `id: short title` lines"
    package static func unknownRule(_ name: String, suggestion: String?) -> String {
        "unknown rule `\(name)` in `rules:`" + (suggestion.map { "; did you mean `\($0)`?" } ?? "")
    }

    package static func oneDecimal(_ value: Double) -> String {
        let tenths = Int((value * 10).rounded())
        return "\(tenths / 10).\(abs(tenths % 10))"
    }

    // Templates
    package static func templateSyntax(_ problem: String) -> String { "template syntax error: \(problem)" }
    package static func missingPartial(_ name: String) -> String {
        "partial `\(name)` does not exist; add `Templates/partials/\(name).mustache` or fix the name"
    }
    package static func missingTemplate(_ name: String) -> String {
        "template `\(name).mustache` is missing from the templates folder"
    }
}
