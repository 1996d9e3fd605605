import Testing
@testable import HandbookServer

/// Bursts of file events become one batch; the clock is driven by hand, never slept on.
@Suite struct DebouncerTests {
    static func changes(_ paths: String...) -> FileChanges { FileChanges(paths: Set(paths)) }

    @Test func windowClosesAfterQuietOrAtTheLimit() {
        typealias Instant = ManualClock.Instant
        var window = DebounceWindow<Instant>(quiet: .milliseconds(20), limit: .milliseconds(100))
        #expect(window.deadline == nil)
        window.add(FileChanges(), at: Instant(offset: .zero))
        #expect(window.deadline == nil, "nothing changed, no batch")
        window.add(Self.changes("a"), at: Instant(offset: .zero))
        window.add(Self.changes("b"), at: Instant(offset: .milliseconds(15)))
        #expect(window.deadline == Instant(offset: .milliseconds(35)))
        #expect(window.take(at: Instant(offset: .milliseconds(34))) == nil)
        #expect(window.take(at: Instant(offset: .milliseconds(35))) == Self.changes("a", "b"))
        #expect(window.deadline == nil)
        for step in 0..<10 { window.add(Self.changes("c\(step)"), at: Instant(offset: .milliseconds(200 + step * 15))) }
        #expect(window.deadline == Instant(offset: .milliseconds(300)), "a steady trickle closes at the limit")
        var overflow = FileChanges(everything: true)
        overflow.merge(Self.changes("d"))
        #expect(overflow.everything && overflow.paths == ["d"])
    }

    @Test func burstBecomesOneBatch() async {
        let clock = ManualClock()
        let debouncer = Debouncer(clock: clock, quiet: .milliseconds(20), limit: .milliseconds(500))
        var batches = debouncer.batches.makeAsyncIterator()
        // An editor's save: write a temporary file, rename it over the page.
        await debouncer.add(Self.changes("/c/.page.md.tmp"))
        await clock.waitForSleepers()
        clock.advance(by: .milliseconds(5))
        await debouncer.add(Self.changes("/c/page.md"))
        clock.advance(by: .milliseconds(15))
        // The first deadline passed but the second event moved it: the debouncer sleeps again.
        await clock.waitForSleepers()
        clock.advance(by: .milliseconds(5))
        #expect(await batches.next() == Self.changes("/c/.page.md.tmp", "/c/page.md"))

        await debouncer.add(Self.changes("/c/other.md"))
        await clock.waitForSleepers()
        clock.advance(by: .milliseconds(20))
        #expect(await batches.next() == Self.changes("/c/other.md"), "a later edit is a batch of its own")
        await debouncer.finish()
        #expect(await batches.next() == nil)
    }
}
