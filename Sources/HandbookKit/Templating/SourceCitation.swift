import Foundation

/// A `sources:` entry, "Title - https://url", split on its last " - " (titles may contain one).
struct SourceCitation: Equatable {
    var title: String
    /// Only http(s) URLs become links; anything else is shown as text.
    var url: String?

    init(_ entry: String) {
        guard let separator = entry.range(of: " - ", options: .backwards) else {
            title = entry
            url = nil
            return
        }
        let candidate = entry[separator.upperBound...].trimmingCharacters(in: .whitespaces)
        if candidate.hasPrefix("https://") || candidate.hasPrefix("http://") {
            title = String(entry[..<separator.lowerBound])
            url = candidate
        } else {
            title = entry
            url = nil
        }
    }

    /// Whether the URL has a host with a dot and no spaces: enough to catch a missing or
    /// mangled link without a network request.
    var hasWellFormedURL: Bool {
        guard let url, let schemeEnd = url.range(of: "://") else { return false }
        let host = url[schemeEnd.upperBound...].prefix { $0 != "/" && $0 != "?" && $0 != "#" }
        return host.contains(".") && !host.hasPrefix(".") && !host.hasSuffix(".") && !url.contains(" ")
    }
}
