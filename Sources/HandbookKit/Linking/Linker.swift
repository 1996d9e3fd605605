extension RenderedSite {
    /// The section whose page is the exercise index, and the fixed pages every exercise links to.
    static let exerciseSection = "exercises"
    static let emergencySource = "safety/emergency-signs.md"
    static let stopSource = "safety/when-to-stop.md"

    /// Builds the site graph and checks every internal link, image and anchor.
    ///
    /// One pass in reading order, linear in pages plus links. It reads single fields of
    /// pages (links, images, headings), never copies of whole rendered pages.
    /// - Parameter drafts: Source paths of drafts left out of this build, so links to them
    ///   get a clearer message than "missing".
    /// - Returns: The linked site and one diagnostic per broken link or anchor, at its source line.
    public func linked(drafts: Set<String> = []) -> (LinkedSite, [Diagnostic]) {
        let order = site.readingOrder
        var positions: [String: Int] = [:]
        positions.reserveCapacity(order.count)
        for (index, source) in order.enumerated() { positions[source] = index }
        let checker = LinkChecker(site: self, drafts: drafts)
        var diagnostics: [Diagnostic] = []
        var backlinks: [String: [String]] = [:]
        for source in order {
            // Looked up once: each lookup copies the page out of the table.
            guard let page = self[page: source] else { continue }
            // Sources come in reading order, so each backlink list is in reading order; a page
            // that links to a target twice is listed once, having just been added.
            checker.check(links: page.links, images: page.images, file: page.page.file) { target in
                guard target != source, backlinks[target]?.last != source else { return }
                backlinks[target, default: []].append(source)
            } report: { diagnostics.append($0) }
        }
        let linked = LinkedSite(
            rendered: self,
            readingOrder: order,
            backlinks: backlinks,
            exerciseIndex: exerciseIndex(),
            emergencyPage: self[page: Self.emergencySource] != nil ? Self.emergencySource : nil,
            stopPage: self[page: Self.stopSource] != nil ? Self.stopSource : nil,
            positions: positions)
        return (linked, diagnostics)
    }

    /// Groups exercise pages, in reading order. Linear in the number of pages.
    func exerciseIndex() -> ExerciseIndex {
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
    var readingOrder: [String] {
        var order: [String] = []
        order.reserveCapacity(pageCount)
        for section in sections {
            order.append(section.index.source)
            for page in section.pages { order.append(page.source) }
        }
        return order
    }
}
