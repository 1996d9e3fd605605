
/// The pure half of pipe-table support (GitHub's `| a | b |` syntax), which plain
/// CommonMark lacks: recognizing the delimiter row and splitting text at cell borders.
/// `CmarkDocument.convertPipeTables()` does the node surgery.
package enum PipeTable {
    /// Column alignment from the delimiter row (`:--`, `:-:`, `--:`).
    package enum Alignment: Equatable {
        case none, left, center, right

        /// The attribute added to `<th>`/`<td>`, or "" for none.
        package var attribute: String {
            switch self {
            case .none: ""
            case .left: " style=\"text-align: left\""
            case .center: " style=\"text-align: center\""
            case .right: " style=\"text-align: right\""
            }
        }
    }

    /// The alignments of a delimiter row such as `|---|:---:|`, or nil when the line is not one.
    /// Smart punctuation has already turned `---` into dashes, so en and em dashes count too.
    package static func delimiterRow(_ line: String) -> [Alignment]? {
        let cells = cells(of: line)
        guard !cells.isEmpty else { return nil }
        var alignments: [Alignment] = []
        for cell in cells {
            let trimmed = cell.trimmingSpaces
            let left = trimmed.hasPrefix(":"), right = trimmed.hasSuffix(":")
            let dashes = trimmed.drop { $0 == ":" }.reversed().drop { $0 == ":" }
            guard !dashes.isEmpty, dashes.allSatisfy({ $0 == "-" || $0 == "–" || $0 == "—" }) else { return nil }
            alignments.append(left && right ? .center : left ? .left : right ? .right : .none)
        }
        return alignments
    }

    /// Splits a row's text at `|`, dropping the empty cells outside leading and trailing pipes.
    package static func cells(of line: String) -> [String] {
        var parts = line.split(separator: "|", omittingEmptySubsequences: false).map(String.init)
        if let first = parts.first, first.trimmingSpaces.isEmpty, line.trimmingSpaces.hasPrefix("|") { parts.removeFirst() }
        if let last = parts.last, last.trimmingSpaces.isEmpty, line.trimmingSpaces.hasSuffix("|") { parts.removeLast() }
        return parts
    }
}
