import HandbookCore
import Rendering
import Linking

/// `exercise-safety`: every exercise has non-empty `stop_if` and `avoid_if` lists, and the
/// red-flags page its emergency box links to exists.
///
/// A warning by default so a generic or generated site still builds; the handbook's
/// `handbook.yml` raises it to an error.
package struct ExerciseSafetyRule: PageRule {
    package let id = Rule.exerciseSafety
    package let defaultSeverity = Diagnostic.Severity.warning

    package func findings(on rendered: RenderedPage, in site: LinkedSite, context: CheckContext) -> [Finding] {
        let page = rendered.page
        guard let exercise = page.frontMatter.exercise else { return [] }
        var found: [Finding] = []
        let line = page.line(of: "exercise")
        if exercise.stopIf.allSatisfy({ $0.trimmingSpaces.isEmpty }) {
            found.append(Finding(file: page.file, line: line, message: Message.emptySafetyList("stop_if")))
        }
        if exercise.avoidIf.allSatisfy({ $0.trimmingSpaces.isEmpty }) {
            found.append(Finding(file: page.file, line: line, message: Message.emptySafetyList("avoid_if")))
        }
        if site.emergencyPage == nil {
            found.append(Finding(file: page.file, line: line, message: Message.noRedFlagsPage(RenderedSite.emergencySource)))
        }
        return found
    }
}

/// `alt-text`: images say what they show; an empty alt or a file name says nothing.
package struct AltTextRule: PageRule {
    package let id = Rule.altText
    package let defaultSeverity = Diagnostic.Severity.error

    package func findings(on rendered: RenderedPage, in site: LinkedSite, context: CheckContext) -> [Finding] {
        rendered.images.compactMap { image in
            let alt = image.alt.trimmingSpaces
            let file = String(image.url.split(separator: "/").last ?? "")
            let stem = file.split(separator: ".").first.map(String.init) ?? file
            if alt.isEmpty {
                return Finding(file: rendered.page.file, line: image.line, column: image.column, message: Message.emptyAlt)
            }
            if alt.lowercased() == file.lowercased() || alt.lowercased() == stem.lowercased() {
                return Finding(file: rendered.page.file, line: image.line, column: image.column, message: Message.fileNameAlt(alt))
            }
            return nil
        }
    }
}

/// `headings`: the title is the page's only h1, and levels never skip (h2 → h4).
package struct HeadingsRule: PageRule {
    package let id = Rule.headings
    package let defaultSeverity = Diagnostic.Severity.error

    package func findings(on rendered: RenderedPage, in site: LinkedSite, context: CheckContext) -> [Finding] {
        var previous = 1
        return rendered.headings.compactMap { heading -> Finding? in
            defer { previous = heading.level }
            if heading.level == 1 {
                return Finding(file: rendered.page.file, line: heading.line, message: Message.h1InBody)
            }
            guard heading.level > previous + 1 else { return nil }
            return Finding(file: rendered.page.file, line: heading.line, message: Message.skippedLevel(from: previous, to: heading.level))
        }
    }
}
