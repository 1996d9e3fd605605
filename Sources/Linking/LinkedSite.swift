import Loading
import Rendering

/// The site graph: reading order, neighbours, backlinks and the exercise index, built
/// from the rendered site. Templating turns its source paths into relative links.
public struct LinkedSite: Sendable, Equatable {
    public var rendered: RenderedSite
    /// Every page's source path in reading order: each section's intro, then its pages.
    public var readingOrder: [String]
    /// For each page, the pages whose bodies link to it, in reading order.
    public var backlinks: [String: [String]]
    public var exerciseIndex: ExerciseIndex
    /// The red-flags and when-to-stop pages, when the site has them.
    public var emergencyPage: String?
    public var stopPage: String?

    /// The page before and after `source` in reading order.
    public func neighbours(of source: String) -> (previous: String?, next: String?) {
        guard let position = positions[source] else { return (nil, nil) }
        let previous = position > 0 ? readingOrder[position - 1] : nil
        let next = position + 1 < readingOrder.count ? readingOrder[position + 1] : nil
        return (previous, next)
    }

    package var positions: [String: Int]

    public var site: Site { rendered.site }

    public func page(_ source: String) -> RenderedPage? { rendered[page: source] }
}

/// The exercise index: every exercise page grouped by type and by body area.
public struct ExerciseIndex: Sendable, Equatable {
    /// A named group of exercise pages (source paths), in reading order.
    public struct Group: Sendable, Equatable {
        public var title: String
        public var pages: [String]
    }

    /// Non-exercise pages of the `exercises` section: the guides, listed first.
    public var guides: [String]
    public var byType: [Group]
    public var byArea: [Group]
}

/// Body areas as the content brief groups them, in display order. Targets outside
/// these lists land in "Other areas" so no exercise goes missing from the index.
public enum BodyArea {
    public static let groups: [(title: String, targets: Set<String>)] = [
        ("Neck and shoulders", ["neck", "shoulders", "chest", "upper back"]),
        ("Trunk", ["sides", "low back", "tummy"]),
        ("Hips and legs", ["hips", "buttocks", "thighs"]),
        ("Whole body", ["whole body"]),
    ]
    public static let otherTitle = "Other areas"
}
