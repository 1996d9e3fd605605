
extension CmarkDocument {
    /// The body as ``BodyHTML``: what cmark's HTML renderer writes in safe mode, with heading
    /// tags and URLs left as slots (``BodyHTMLWriter``).
    /// - Parameter sizeHint: The Markdown's length, to size the output once.
    package func bodyHTML(sizeHint: Int = 0) -> BodyHTML {
        arena.withCurrent { BodyHTMLWriter(root: root, sizeHint: sizeHint).write() }
    }
}
