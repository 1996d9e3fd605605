import Linking
import Search

extension SearchIndex {
    /// Builds the index for every page of the site, in reading order, and for extra pages
    /// that have a title and summary but no body (the exercise plan).
    package init(linked: LinkedSite, extra: [Entry] = []) {
        self.init(entries: linked.readingOrder.compactMap { linked.page($0)?.searchEntry } + extra)
    }
}
