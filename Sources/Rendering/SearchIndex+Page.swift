import HandbookCore
import Prose
import Search

extension SearchIndex {
    /// One page's entry: words deduplicated and pruned as the type's documentation says.
    /// - Parameter bodyWords: The words of the page's prose, gathered as it was counted
    ///   (``ProseCounts/init(_:words:)``).
    package static func entry(_ rendered: RenderedPage, bodyWords: consuming SearchWords.Builder) -> Entry {
        let matter = rendered.page.frontMatter
        let title = SearchWords([matter.title])
        let headings = SearchWords(rendered.headings.lazy.map(\.text), leavingOut: stopWords)
        let body = SearchWords(bodyWords, leavingOut: stopWords)
        let inTitle = title.hasWords(startingWithEachOf: headings)
        let keptHeadings = headings.joined { word in !inTitle[word] && !headings.nextStartsWith(word) }
        let ranked = SearchWords(merging: [title, SearchWords([matter.summary ?? ""]), headings])
        let inRanked = ranked.hasWords(startingWithEachOf: body)
        let keptBody = body.joined { word in
            body.hasSeveralCharacters(word) && !inRanked[word] && !body.nextStartsWith(word)
        }
        return Entry(href: SitePath.home.relative(to: rendered.page.output), title: matter.title,
                     summary: matter.summary ?? "", headings: keptHeadings, body: keptBody)
    }
}
