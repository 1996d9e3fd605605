import HandbookCore

/// Where filled pages go as they are filled, so templating never touches a file system:
/// ``Writing`` gives a folder on disk, and ``OutputPlan`` (through
/// ``LinkedSite/templated(with:assets:)``) is the same site held in memory.
public struct OutputSink: Sendable {
    /// Gets ready for files at these paths, such as by making their folders.
    public var prepare: @Sendable (_ paths: [SitePath]) throws -> Void
    /// Opens a file to be written a piece at a time.
    public var open: @Sendable (_ path: SitePath) throws -> FileWriter
    /// Writes a whole file.
    public var write: @Sendable (_ path: SitePath, _ bytes: [UInt8]) throws -> Void
    /// Copies a file as it is from an absolute source path.
    public var copy: @Sendable (_ source: String, _ path: SitePath) throws -> Void

    /// - Parameters:
    ///   - prepare: Gets ready for files at these paths.
    ///   - open: Opens a file to be written a piece at a time.
    ///   - write: Writes a whole file.
    ///   - copy: Copies a file as it is.
    public init(prepare: @escaping @Sendable ([SitePath]) throws -> Void,
                open: @escaping @Sendable (SitePath) throws -> FileWriter,
                write: @escaping @Sendable (SitePath, [UInt8]) throws -> Void,
                copy: @escaping @Sendable (String, SitePath) throws -> Void) {
        (self.prepare, self.open, self.write, self.copy) = (prepare, open, write, copy)
    }
}
