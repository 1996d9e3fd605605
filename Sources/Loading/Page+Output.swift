import HandbookCore
extension Page {
    /// Where the page is written: `exercises/bridge.html`, or `exercises/index.html` for an intro.
    public var output: SitePath { SitePath(outputPath(forSource: source)) }
}
