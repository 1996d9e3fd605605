import HandbookCore
import Loading
import Rendering

extension RenderedSite {
    /// The section whose page is the exercise index, and the fixed pages every exercise links to.
    package static let exerciseSection = "exercises"
    package static let emergencySource = "safety/emergency-signs.md"
    package static let stopSource = "safety/when-to-stop.md"

    /// Builds the site graph and checks every internal link, image and anchor.
    ///
    /// Linear in pages plus links. Pages are checked in parallel, in slices of the reading
    /// order; the backlinks are then gathered slice after slice, so they come out as one pass
    /// in reading order would make them.
    /// - Parameter drafts: Source paths of drafts left out of this build, so links to them
    ///   get a clearer message than "missing".
    /// - Returns: The linked site and one diagnostic per broken link or anchor, at its source line.
    public func linked(drafts: Set<String> = []) async -> (LinkedSite, [Diagnostic]) {
        let order = site.readingOrder
        let checker = LinkChecker(site: self, drafts: drafts)
        async let exerciseIndex = exerciseIndex()
        async let positions = Dictionary(uniqueKeysWithValues: zip(order, order.indices))
        // Each page's problems, and the pages it links to, once each in the order of its links.
        let checked = await order.concurrentMap { source -> (problems: [Diagnostic], targets: [String]) in
            guard let page = self[page: source] else { return ([], []) }
            var problems: [Diagnostic] = []
            var targets: [String] = []
            checker.check(links: page.links, images: page.images, file: page.page.file) { target in
                if target != source, !targets.contains(target) { targets.append(target) }
            } report: { problems.append($0) }
            return (problems, targets)
        }
        var backlinks: [String: [String]] = [:]
        for (source, page) in zip(order, checked) {
            for target in page.targets { backlinks[target, default: []].append(source) }
        }
        let linked = LinkedSite(
            rendered: self,
            readingOrder: order,
            backlinks: backlinks,
            exerciseIndex: await exerciseIndex,
            emergencyPage: self[page: Self.emergencySource] != nil ? Self.emergencySource : nil,
            stopPage: self[page: Self.stopSource] != nil ? Self.stopSource : nil,
            positions: await positions)
        return (linked, checked.flatMap(\.problems))
    }

    /// Groups exercise pages, in reading order. Linear in the number of pages.
    package func exerciseIndex() -> ExerciseIndex {
        var exercises: [(source: String, exercise: Exercise)] = []
        var guides: [String] = []
        let prefix = Self.exerciseSection + "/"
        func note(_ page: Page) {
            guard !page.isSectionIndex else { return }
            if let exercise = page.frontMatter.exercise {
                exercises.append((page.source, exercise))
            } else if page.source.utf8.starts(with: prefix.utf8) || page.source == Self.exerciseSection,
                      page.section == Self.exerciseSection {
                // `section` allocates; only a page under `exercises/` can be in it.
                guides.append(page.source)
            }
        }
        for section in site.sections {
            note(section.index)
            for page in section.pages { note(page) }
        }
        let byType = ExerciseType.allCases.compactMap { type -> ExerciseIndex.Group? in
            let members = exercises.filter { $0.exercise.type == type }.map(\.source)
            return members.isEmpty ? nil : .init(title: type.title, pages: members)
        }
        let groups = BodyArea.groups
        let known = groups.reduce(into: Set<String>()) { $0.formUnion($1.targets) }
        var areaMembers = Array(repeating: [String](), count: groups.count + 1)
        for (source, exercise) in exercises {
            let targets = Set(exercise.targets.map { $0.lowercased() })
            var placed = false
            for (index, group) in groups.enumerated() where !group.targets.isDisjoint(with: targets) {
                areaMembers[index].append(source)
                placed = true
            }
            if !placed || !targets.isSubset(of: known) {
                areaMembers[groups.count].append(source)
            }
        }
        let titles = groups.map(\.title) + [BodyArea.otherTitle]
        let byArea = zip(titles, areaMembers).filter { !$0.1.isEmpty }.map { ExerciseIndex.Group(title: $0.0, pages: $0.1) }
        return ExerciseIndex(guides: guides, byType: byType, byArea: byArea)
    }
}

extension Site {
    /// Every page's source path in reading order: each section's intro, then its pages, as
    /// ``allPages`` lists them without copying the pages.
    package var readingOrder: [String] {
        var order: [String] = []
        order.reserveCapacity(pageCount)
        for section in sections {
            order.append(section.index.source)
            for page in section.pages { order.append(page.source) }
        }
        return order
    }
}
