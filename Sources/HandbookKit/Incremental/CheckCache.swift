import HandbookCore
import Loading
import Rendering
import Linking
import Checking

/// The content rules' results per page, so a rebuild checks only the pages that changed.
///
/// Rules that read one page at a time (readability, sentence length, summary, review dates,
/// sources, exercise safety, alt text, headings) run on each changed page alone and are
/// remembered until the page, the settings or the check context change. Coverage and
/// duplicate titles read every page's front matter, and run again whenever front matter may
/// have changed. Any rule added later and not listed here runs on every build: correct by
/// default, fast by opting in. The results
/// equal ``LinkedSite/checked(_:)``'s, which `IncrementalBuildTests` compares after each edit.
package struct CheckCache: Sendable {

    private var byPage: [String: (page: RenderedPage, diagnostics: [Diagnostic])] = [:]
    private var frontMatterFindings: [Diagnostic] = []
    private var config: SiteConfig?
    private var today: Day?

    /// Rules that neither read one page nor front matter only: none today. Any rule added
    /// later lands here and runs on every build.
    package static let otherRules = allCheckRules.filter { !CheckScope.pageRules.contains($0.id) && !CheckScope.frontMatterRules.contains($0.id) }

    /// Every content rule's diagnostics for the site, re-running page rules only on changed pages.
    /// - Parameters:
    ///   - linked: The site graph.
    ///   - context: Today's date and other inputs, as for a full build.
    /// - Returns: The same diagnostics as `linked.checked(context)`, in no particular order.
    package mutating func check(_ linked: LinkedSite, context: CheckContext) async -> [Diagnostic] {
        if config != linked.site.config || today != context.today {
            byPage = [:]
            config = linked.site.config
            today = context.today
        }
        await checkPages(linked.readingOrder.filter { source in byPage[source].map { $0.page != linked.page(source) } ?? true },
                         in: linked, context: context)
        frontMatterFindings = await linked.checked(context, rules: allCheckRules.filter { CheckScope.frontMatterRules.contains($0.id) })
        byPage = byPage.filter { linked.page($0.key) != nil }
        var diagnostics = frontMatterFindings + (await linked.checked(context, rules: Self.otherRules))
        for source in linked.readingOrder {
            diagnostics += byPage[source]?.diagnostics ?? []
        }
        return diagnostics
    }

    /// After an edit that changed only some pages' bodies: checks those pages again.
    /// - Parameters:
    ///   - edited: The pages whose bodies changed.
    ///   - reported: The pages whose findings to return (the edited ones included).
    ///   - linked: The site graph after the edit.
    ///   - context: As for ``check(_:context:)``.
    /// - Returns: Every finding in the reported pages' files, or nil when the edit needs
    ///   ``check(_:context:)``: the settings or the day changed, or some rule is not cached.
    package mutating func recheck(_ edited: Set<String>, reporting reported: Set<String>, in linked: LinkedSite,
                          context: CheckContext) async -> [Diagnostic]? {
        guard config == linked.site.config, today == context.today, Self.otherRules.isEmpty else { return nil }
        await checkPages(Array(edited), in: linked, context: context)
        let files = Set(reported.compactMap { linked.page($0)?.page.file })
        return frontMatterFindings.filter { files.contains($0.file) } + reported.flatMap { byPage[$0]?.diagnostics ?? [] }
    }

    private mutating func checkPages(_ sources: [String], in linked: LinkedSite, context: CheckContext) async {
        let activePageRules = allCheckRules.filter { CheckScope.pageRules.contains($0.id) }.compactMap { rule in
            linked.severity(of: rule).map { (rule, $0) }
        }
        let checked = await sources.concurrentMap { source -> (String, RenderedPage?, [Diagnostic]) in
            (source, linked.page(source), linked.diagnostics(ofPages: [source], rules: activePageRules, context: context))
        }
        for (source, page, diagnostics) in checked {
            byPage[source] = page.map { ($0, diagnostics) }
        }
    }
}
