/// The wording of every diagnostic, in one place, so each rule says the same thing
/// wherever it fires and every message tells the author what to do.
enum Message {
    // Files and folders
    static let emptyFile = "file is empty; a page needs front matter with at least a `title`"
    static let binaryFile = "file looks binary (it contains NUL bytes); pages must be UTF-8 text"
    static func encoding() -> String { "file is not valid UTF-8 here; save it as UTF-8" }
    static func symlinkOutside(_ target: String) -> String {
        "symlink points outside the content folder (to \(target)); it is not followed or copied"
    }
    static let symlinkLoop = "symlink loop: this link leads back to itself; remove it"
    static let symlinkBroken = "symlink points to nothing; remove it or fix its target"
    static let pageOutsideSection = "pages live in a section folder (`Content/<section>/<slug>.md`); move this file into one"
    static let nestedPage = "pages live directly in their section folder; nested folders may hold images and files only"
    static func slug(_ name: String) -> String {
        "`\(name)` is not a valid slug; use lowercase letters a-z, digits and hyphens only"
    }
    static func duplicateOutput(_ output: String, _ other: String) -> String {
        "this file and `\(other)` would both be written to `\(output)`; rename one of them"
    }
    static let reservedIndex = "`index.md` would overwrite the section page; put the section's introduction in `_index.md`"
    static func missingIndex(_ section: String) -> String {
        "section `\(section)` has no `_index.md`; add one with a `title`, `summary` and `order`"
    }
    static let missingConfig = "missing `handbook.yml` in the content folder; add one with `title`, `description` and `language`"

    // Front matter
    static let noFrontMatter = "missing front matter; start the file with a `---` line, then `title: ...`, then `---`"
    static let unterminatedFrontMatter = "front matter is not closed; add a `---` line after the last key"
    static let frontMatterNotMapping = "front matter must be `key: value` lines"
    static func yamlSyntax(_ problem: String) -> String { "YAML syntax error: \(problem)" }
    static func duplicateKey(_ keys: [String]) -> String {
        "duplicate key `\(keys.joined(separator: "`, `"))`; keep only one"
    }
    static func missingField(_ key: String, in parent: String?) -> String {
        if let parent { return "missing required field `\(key)` in `\(parent)`" }
        return "missing required field `\(key)`"
    }
    static func unknownKey(_ key: String, suggestion: String?, allowed: [String]) -> String {
        if let suggestion { return "unknown key `\(key)`; did you mean `\(suggestion)`?" }
        return "unknown key `\(key)`; allowed keys are \(allowed.map { "`\($0)`" }.joined(separator: ", "))"
    }
    static func wrongType(_ field: String, expected: String, hint: String?) -> String {
        "`\(field)` must be \(expected)" + (hint.map { "; \($0)" } ?? "")
    }
    static func emptyValue(_ field: String) -> String { "`\(field)` is empty; give it a value or remove the line" }
    static func invalidDate(_ text: String) -> String { "`\(text)` is not a valid date; write it as YYYY-MM-DD" }
    static func invalidValue(_ value: String, allowed: [String]) -> String {
        "`\(value)` is not allowed here; use one of \(allowed.map { "`\($0)`" }.joined(separator: ", "))"
    }
    static func baseURL(_ url: String) -> String { "`base_url` must be an absolute http(s) URL, not `\(url)`" }

    // Links
    static func unsafeURL(_ url: String) -> String {
        "link to `\(url)` was removed; only http, https, mailto, tel and relative links are allowed"
    }
    static func missingPage(_ target: String) -> String { "link to missing page `\(target)`" }
    static func draftPage(_ target: String) -> String {
        "link to draft page `\(target)`, which is not built; publish it or remove the link"
    }
    static func missingFile(_ target: String) -> String { "link to missing file `\(target)`" }
    static func outsideContent(_ target: String) -> String { "link `\(target)` leaves the content folder" }
    static func missingAnchor(_ fragment: String, page: String, known: [String], suggestion: String?) -> String {
        let hint = suggestion.map { "; did you mean `#\($0)`?" }
            ?? (known.isEmpty ? "; that page has no headings" : "")
        return "`\(page)` has no heading with id `#\(fragment)`" + hint
    }

    // Templates
    static func templateSyntax(_ problem: String) -> String { "template syntax error: \(problem)" }
    static func missingPartial(_ name: String) -> String {
        "partial `\(name)` does not exist; add `Templates/partials/\(name).mustache` or fix the name"
    }
    static func missingTemplate(_ name: String) -> String {
        "template `\(name).mustache` is missing from the templates folder"
    }
}
