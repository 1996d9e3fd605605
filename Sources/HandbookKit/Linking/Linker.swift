extension RenderedSite {
    /// The section whose page is the exercise index, and the fixed pages every exercise links to.
    static let exerciseSection = "exercises"
    static let emergencySource = "safety/emergency-signs.md"
    static let stopSource = "safety/when-to-stop.md"

    /// Builds the site graph and checks every internal link, image and anchor.
    /// - Parameter drafts: Source paths of drafts left out of this build, so links to them
    ///   get a clearer message than "missing".
    /// - Returns: The linked site and one diagnostic per broken link or anchor, at its source line.
    public func linked(drafts: Set<String> = []) -> (LinkedSite, [Diagnostic]) {
        let order = site.allPages.map(\.source)
        var positions: [String: Int] = [:]
        for (index, source) in order.enumerated() { positions[source] = index }
        let checker = LinkChecker(site: self, drafts: drafts)
        var diagnostics: [Diagnostic] = []
        var backlinks: [String: Set<String>] = [:]
        for source in order {
            guard let page = self[page: source] else { continue }
            diagnostics += checker.check(page)
            for link in page.links {
                if case .page(let target) = link.target, target != source, self[page: target] != nil {
                    backlinks[target, default: []].insert(source)
                }
            }
        }
        let linked = LinkedSite(
            rendered: self,
            readingOrder: order,
            backlinks: backlinks.mapValues { $0.sorted { positions[$0]! < positions[$1]! } },
            exerciseIndex: exerciseIndex(),
            emergencyPage: self[page: Self.emergencySource] != nil ? Self.emergencySource : nil,
            stopPage: self[page: Self.stopSource] != nil ? Self.stopSource : nil,
            positions: positions)
        return (linked, diagnostics)
    }

    /// Groups exercise pages, in reading order. Linear in the number of pages.
    func exerciseIndex() -> ExerciseIndex {
        let pages = site.allPages.filter { !$0.isSectionIndex }
        let exercises = pages.filter { $0.frontMatter.exercise != nil }
        let guides = pages.filter { $0.section == Self.exerciseSection && $0.frontMatter.exercise == nil }
        let byType = ExerciseType.allCases.compactMap { type -> ExerciseIndex.Group? in
            let members = exercises.filter { $0.frontMatter.exercise?.type == type }.map(\.source)
            return members.isEmpty ? nil : .init(title: type.title, pages: members)
        }
        var areaMembers = Array(repeating: [String](), count: BodyArea.groups.count + 1)
        for page in exercises {
            let targets = Set(page.frontMatter.exercise!.targets.map { $0.lowercased() })
            var placed = false
            for (index, group) in BodyArea.groups.enumerated() where !group.targets.isDisjoint(with: targets) {
                areaMembers[index].append(page.source)
                placed = true
            }
            if !placed || !targets.isSubset(of: BodyArea.groups.reduce(into: Set()) { $0.formUnion($1.targets) }) {
                areaMembers[BodyArea.groups.count].append(page.source)
            }
        }
        let titles = BodyArea.groups.map(\.title) + [BodyArea.otherTitle]
        let byArea = zip(titles, areaMembers).filter { !$0.1.isEmpty }.map { ExerciseIndex.Group(title: $0.0, pages: $0.1) }
        return ExerciseIndex(guides: guides.map(\.source), byType: byType, byArea: byArea)
    }
}
