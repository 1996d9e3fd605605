import HandbookCore
import Loading
import Mustache
import CCmark

/// A page body as placed on a page other than its own: `print.html`, which holds the whole
/// handbook, or the exercise plan, which holds every exercise's steps. Both sit at the site
/// root, so links and images are made relative to it; ids are prefixed with ``PageAnchor``
/// so that many bodies on one page never share an id; headings move down the outline.
package enum PlacedBody {
    /// Where a body is placed, which decides what its internal links become.
    package enum Placement {
        /// `print.html`: links to pages become links to their place within the page.
        case print
        /// Another root-level page (the exercise plan): links lead to the real pages.
        case root
    }

    /// The parts of a body that templates show apart.
    package enum Part {
        /// The whole body, or on an exercise page the part before `## How to do it`.
        case beforeSteps
        /// On an exercise page, `## How to do it` and all after it; otherwise nothing.
        case fromSteps
        /// On an exercise page, the blocks under `## How to do it` up to the next heading of
        /// its level: the illustration and the numbered steps; otherwise nothing.
        case steps
    }

    /// The root-level page a placed body's URLs are relative to.
    package static let base = SitePath("print.html")
}

/// Ids for page bodies placed together on one page, unique across the whole site.
///
/// A page's anchor is `section__slug` (a section intro's is `section`): slugs hold only
/// `a-z`, `0-9` and `-`, so `__` can't come from two other names. A heading's anchor adds
/// `.` and its id, and the template's own ids add `:` and a name; heading ids never hold
/// `.` or `:`, since the slugger drops punctuation.
public enum PageAnchor {
    /// The anchor of a page, from its output path: `exercises/bridge.html` → `exercises__bridge`.
    public static func page(_ output: SitePath) -> String {
        // Bytes, written once into the string: every placed body asks for its page's anchor,
        // and in print every link to another page for that page's.
        var value = output.value
        return value.withUTF8 { path in
            var end = path.count
            if end >= 5, path[(end - 5)...].elementsEqual(".html".utf8) { end -= 5 }
            let slash = path[..<end].lastIndex(of: UInt8(ascii: "/"))
            // The home page is no body of its own: `#` leads to the top of the page.
            if path[(slash.map { $0 + 1 } ?? 0)..<end].elementsEqual("index".utf8) { end = slash ?? 0 }
            let name = UnsafeBufferPointer(rebasing: path[..<end])
            let slashes = name.reduce(0) { $0 + ($1 == UInt8(ascii: "/") ? 1 : 0) }
            return String(unsafeUninitializedCapacity: end + slashes) { anchor in
                var count = 0
                for byte in name {
                    if byte == UInt8(ascii: "/") {
                        anchor[count] = UInt8(ascii: "_")
                        anchor[count + 1] = UInt8(ascii: "_")
                        count += 2
                    } else {
                        anchor[count] = byte
                        count += 1
                    }
                }
                return count
            }
        }
    }

    /// The anchor of a heading (or any fragment) within a page.
    public static func heading(_ id: String, in output: SitePath) -> String {
        page(output) + "." + id
    }

    /// The anchor of something the template adds for a page, such as a box's title.
    public static func part(_ name: String, of output: SitePath) -> String {
        page(output) + ":" + name
    }
}

extension RenderedPage {
    /// Part of the body, made when a template shows it.
    /// - Parameter placement: Where the body is placed; nil for the page itself.
    package func html(_ part: PlacedBody.Part, placedAt placement: PlacedBody.Placement? = nil) -> TemplateValue {
        .deferred(DeferredText { self.append(part, placedAt: placement, to: &$0.bytes) })
    }

    /// Appends part of the body. On the page itself headings carry their ids and `.md` links
    /// are rewritten to `.html`; placed at the root, headings move down the outline and take
    /// ids prefixed with ``PageAnchor``, and URLs are rewritten for the placement.
    package func append(_ part: PlacedBody.Part, placedAt placement: PlacedBody.Placement? = nil, to output: inout [UInt8]) {
        let parts = stepsParts
        let range = switch part {
        case .beforeSteps: parts?[0] ?? 0..<body.count
        case .fromSteps: parts.map { $0[1].lowerBound..<body.count } ?? 0..<0
        case .steps: parts?[2] ?? 0..<0
        }
        guard let placement else {
            body.fill(range, into: &output) { (headings[$0].level, headings[$0].id) }
            return
        }
        let shift = placement == .print && !page.isSectionIndex ? 2 : 1
        let anchor = PageAnchor.page(page.output)
        let resolver = LinkResolver(source: page.source, placedAt: PlacedBody.base)
        body.fill(range, into: &output, heading: { (min(6, headings[$0].level + shift), headings[$0].id) }, idPrefix: anchor + ".") { url in
            url.isEmpty ? url : PlacedBody.url(url, from: page, anchor: anchor, placement: placement, resolver: resolver)
        }
    }

    /// On an exercise page whose `## How to do it` is a top-level block, the body's parts:
    /// before that heading, the heading, the blocks up to the next heading of its level
    /// (the illustration and the numbered steps), and the rest.
    private var stepsParts: [Range<Int>]? {
        guard page.frontMatter.exercise != nil,
              let index = headings.firstIndex(where: { $0.id == Self.stepsHeadingID }),
              let heading = body.topLevelBlock(ofHeading: index)
        else { return nil }
        // A next heading of the level inside a list or quote can't end the steps.
        let next = headings.indices.dropFirst(index + 1).first { headings[$0].level <= headings[index].level }
        let end = next.flatMap { body.topLevelBlock(ofHeading: $0)?.lowerBound } ?? body.count
        return [0..<heading.lowerBound, heading, heading.upperBound..<end, end..<body.count]
    }
}

extension PlacedBody {
    /// What a URL from a page body (already rewritten for the page itself) becomes on a
    /// root-level page. External URLs stay; in print, links to pages become in-page anchors.
    /// - Parameters:
    ///   - anchor: The page's ``PageAnchor/page(_:)``.
    ///   - resolver: A resolver for the page's links placed at ``base``.
    package static func url(_ url: String, from page: Page, anchor: String, placement: Placement, resolver: LinkResolver) -> String {
        if url.utf8.first == UInt8(ascii: "#") {
            let fragment = String(Substring(url.utf8.dropFirst()))
            guard placement == .print, page.output.value.hasUTF8Suffix(".html") else {
                return base.relative(to: page.output, fragment: fragment)
            }
            return "#" + (fragment.isEmpty ? anchor : anchor + "." + fragment)
        }
        // In print, a link to another page becomes a link to its place here, which needs only
        // its target; anything else is written as the resolver writes it for the root.
        if placement == .print, case (.file(let path), let fragment) = resolver.target(of: url), path.hasUTF8Suffix(".html") {
            let target = SitePath(path)
            guard let fragment, !fragment.isEmpty else { return "#" + PageAnchor.page(target) }
            return "#" + PageAnchor.heading(fragment, in: target)
        }
        return resolver.resolve(url).output
    }
}
