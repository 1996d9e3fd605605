import Testing
@testable import HandbookKit
@testable import Loading

@Suite struct SourceCitationTests {
    @Test func splitsOnTheLastSeparator() {
        #expect(SourceCitation("Sciatica - NHS - https://www.nhs.uk/a") == SourceCitation.unicodeCitation("Sciatica - NHS - https://www.nhs.uk/a"))
        let citation = SourceCitation("Sciatica - NHS - https://www.nhs.uk/a")
        #expect(citation.title == "Sciatica - NHS" && citation.url == "https://www.nhs.uk/a")
        #expect(SourceCitation("Just a title").url == nil)
        #expect(SourceCitation("Book - ISBN 123").title == "Book - ISBN 123")
    }

    /// The byte split must agree with Foundation's for every ASCII entry.
    @Test func asciiSplitMatchesFoundation() {
        let entries = [
            "", "-", " - ", " - https://a.b", "A - https://x.org", "A -  \t https://x.org \t ", "A - - https://x.org",
            "A - http://x.org/ - B", "A -- https://x.org", "A- https://x.org", "A - ftp://x.org", "A - HTTPS://x.org",
            "A - https://", "A\t-\thttps://x.org", "A - https://x.org\n", "  A - https://x.org", "A - - - ",
            "A - https://x.org/a b", "A \r- https://x.org", "A - \rhttps://x.org",
        ]
        for entry in entries {
            #expect(SourceCitation.asciiCitation(entry) == SourceCitation.unicodeCitation(entry), "\(entry)")
        }
        #expect(SourceCitation.asciiCitation("Café - https://x.org") == nil, "non-ASCII entries take Foundation's path")
    }
}
