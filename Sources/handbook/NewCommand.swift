import ArgumentParser
import Foundation
import HandbookKit

/// `handbook new exercise|article <section>/<slug>`: writes a page to fill in.
struct NewCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "new",
        abstract: "Create a page with complete front matter to fill in (as a draft)."
    )

    @Argument(help: "The kind of page: article or exercise.")
    var kind: PageScaffold.Kind

    @Argument(help: "Where to put it: <section>/<slug>, such as exercises/side-plank.")
    var path: String

    @Option(help: "The folder of Markdown pages.")
    var content = "Content"

    func validate() throws {
        let parts = path.split(separator: "/", omittingEmptySubsequences: false)
        guard parts.count == 2, parts.allSatisfy({ !$0.isEmpty }) else {
            throw ValidationError("give the page as <section>/<slug>, such as exercises/side-plank")
        }
        let slug = parts[1].hasSuffix(".md") ? parts[1].dropLast(3) : parts[1]
        guard slug.allSatisfy({ ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "-" }) else {
            throw ValidationError("`\(slug)` is not a valid slug; use lowercase letters a-z, digits and hyphens only")
        }
    }

    func run() throws {
        let parts = path.split(separator: "/")
        let section = String(parts[0])
        let slug = parts[1].hasSuffix(".md") ? String(parts[1].dropLast(3)) : String(parts[1])
        let manager = FileManager.default
        let sectionFolder = content + "/" + section
        guard manager.fileExists(atPath: sectionFolder + "/_index.md") else {
            printError("error: section `\(section)` does not exist (no \(sectionFolder)/_index.md)")
            throw ExitCode.usageOrIO
        }
        let file = sectionFolder + "/" + slug + ".md"
        guard !manager.fileExists(atPath: file) else {
            printError("error: \(file) already exists; pick another slug")
            throw ExitCode.usageOrIO
        }
        let parts3 = Calendar(identifier: .gregorian).dateComponents(in: TimeZone(identifier: "UTC")!, from: Date())
        let today = Day(year: parts3.year!, month: parts3.month!, day: parts3.day!)!
        let text = PageScaffold.markdown(kind: kind, slug: slug, today: today)
        guard manager.createFile(atPath: file, contents: Data(text.utf8)) else {
            printError("error: cannot write \(file)")
            throw ExitCode.usageOrIO
        }
        print("Created \(file) as a draft: fill it in, then remove `draft: true`.")
    }
}

extension PageScaffold.Kind: ExpressibleByArgument {}
