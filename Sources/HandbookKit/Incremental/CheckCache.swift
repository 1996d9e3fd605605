/// The content rules' results per page, so a rebuild checks only the pages that changed.
///
/// Rules that read one page at a time (readability, sentence length, summary, review dates,
/// sources, exercise safety, alt text, headings) run on each changed page alone and are
/// remembered until the page, the settings or the check context change. Coverage and
/// duplicate titles read every page's front matter, and run again whenever front matter may
/// have changed. Any rule added later and not listed here runs on every build: correct by
/// default, fast by opting in. The results
/// equal ``LinkedSite/checked(_:)``'s, which `IncrementalBuildTests` compares after each edit.
struct CheckCache: Sendable {
    /// Rules whose findings for a page depend on that page, the settings and the context only.
    static let pageRules: Set<Rule> = [
        .readability, .sentenceLength, .summary, .reviewed, .reviewDue, .sources, .exerciseSafety, .altText, .headings,
    ]
    /// Site-wide rules that read front matter only: their findings stand while only bodies change.
    static let frontMatterRules: Set<Rule> = [.coverage, .duplicateTitle]

    private var byPage: [String: (page: RenderedPage, diagnostics: [Diagnostic])] = [:]
    private var frontMatterFindings: [Diagnostic] = []
    private var config: SiteConfig?
    private var today: Day?

    /// Every content rule's diagnostics for the site, re-running page rules only on changed pages.
    /// - Parameters:
    ///   - linked: The site graph.
    ///   - context: Today's date and other inputs, as for a full build.
    ///   - edited: When only these pages' bodies changed (no front matter, no structure), the
    ///     pages to check again; nil to compare every page with the cache.
    /// - Returns: The same diagnostics as `linked.checked(context)`, in no particular order.
    mutating func check(_ linked: LinkedSite, context: CheckContext, edited: Set<String>? = nil) async -> [Diagnostic] {
        var edited = edited
        if config != linked.site.config || today != context.today {
            byPage = [:]
            config = linked.site.config
            today = context.today
            edited = nil
        }
        let cached = byPage
        let stale = edited.map { Array($0) }
            ?? linked.readingOrder.filter { source in cached[source].map { $0.page != linked.page(source) } ?? true }
        let pageRules = allCheckRules.filter { Self.pageRules.contains($0.id) }
        let checked = await stale.concurrentMap { source -> (String, RenderedPage?, [Diagnostic]) in
            // The rules read `checkedPages`, which follows the reading order: one page, alone.
            var alone = linked
            alone.readingOrder = [source]
            return (source, linked.page(source), alone.checked(context, rules: pageRules))
        }
        for (source, page, diagnostics) in checked {
            byPage[source] = page.map { ($0, diagnostics) }
        }
        let siteRules = allCheckRules.filter { !Self.pageRules.contains($0.id) }
        if edited == nil {
            frontMatterFindings = linked.checked(context, rules: siteRules.filter { Self.frontMatterRules.contains($0.id) })
            byPage = byPage.filter { linked.page($0.key) != nil }
        }
        var diagnostics = frontMatterFindings
        diagnostics += linked.checked(context, rules: siteRules.filter { !Self.frontMatterRules.contains($0.id) })
        for source in linked.readingOrder {
            diagnostics += byPage[source]?.diagnostics ?? []
        }
        return diagnostics
    }
}
