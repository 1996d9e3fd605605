/// Every rule id the tool reports. The README's rule table documents each one:
/// what triggers it and how to fix it.
public enum Rule: String, Sendable, Hashable, Codable, CaseIterable {
    // Loading: files and folders
    case emptyFile = "empty-file"
    case binaryFile = "binary-file"
    case encoding = "encoding"
    case symlinkOutside = "symlink-outside"
    case symlinkLoop = "symlink-loop"
    case symlinkBroken = "symlink-broken"
    case layout = "layout"
    case slug = "slug"
    case duplicateSlug = "duplicate-slug"
    case missingIndex = "missing-index"
    // Loading: front matter
    case frontMatter = "front-matter"
    case yamlSyntax = "yaml-syntax"
    case missingField = "missing-field"
    case wrongType = "wrong-type"
    case unknownKey = "unknown-key"
    case invalidDate = "invalid-date"
    case invalidValue = "invalid-value"
    case config = "config"
    // Rendering and linking
    case unsafeURL = "unsafe-url"
    case link = "link"
    case anchor = "anchor"
    case placeholder = "placeholder"
    // Content rules (`handbook check`, and every build)
    case readability = "readability"
    case sentenceLength = "sentence-length"
    case summary = "summary"
    case reviewed = "reviewed"
    case reviewDue = "review-due"
    case reviewer = "reviewer"
    case sources = "sources"
    case exerciseSafety = "exercise-safety"
    case altText = "alt-text"
    case headings = "headings"
    case coverage = "coverage"
    case duplicateTitle = "duplicate-title"
    // Templates and output
    case template = "template"
    case io = "io"
}
