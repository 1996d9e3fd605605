import Testing
@testable import Mustache

/// The engine against every module of the official Mustache spec, case by case. A case
/// passes exactly, or is named in ``ignoring`` with the reason; an ignored case that starts
/// to pass is reported too, so the list never outlives its reasons.
@Suite struct SpecTests {
    /// Cases that don't apply to the handbook, by ``SpecCase/id``, with why.
    static let ignoring: [String: String] = [:]

    /// Modules that don't apply at all, with why.
    static let ignoredModules: [String: String] = [
        "~lambdas": "lambdas are code in the data; the handbook's data is values (TemplateValue) and never code",
    ]

    @Test(arguments: try SpecCase.load("comments")) func comments(_ spec: SpecCase) throws { try check(spec) }
    @Test(arguments: try SpecCase.load("delimiters")) func delimiters(_ spec: SpecCase) throws { try check(spec) }
    @Test(arguments: try SpecCase.load("interpolation")) func interpolation(_ spec: SpecCase) throws { try check(spec) }
    @Test(arguments: try SpecCase.load("inverted")) func inverted(_ spec: SpecCase) throws { try check(spec) }
    @Test(arguments: try SpecCase.load("partials")) func partials(_ spec: SpecCase) throws { try check(spec) }
    @Test(arguments: try SpecCase.load("sections")) func sections(_ spec: SpecCase) throws { try check(spec) }
    @Test(arguments: try SpecCase.load("~dynamic-names")) func dynamicNames(_ spec: SpecCase) throws { try check(spec) }
    @Test(arguments: try SpecCase.load("~inheritance")) func inheritance(_ spec: SpecCase) throws { try check(spec) }

    /// A module the spec adds is run here or ignored with a reason, never left out unseen.
    @Test func everyModuleIsRunOrIgnored() throws {
        let run = ["comments", "delimiters", "interpolation", "inverted", "partials", "sections", "~dynamic-names", "~inheritance"]
        #expect(try SpecFolder.modules() == (run + Self.ignoredModules.keys).sorted())
    }

    /// Every ignored case names one that exists, so a renamed case can't hide in the list.
    @Test func everyIgnoredCaseExists() throws {
        let modules = try SpecFolder.modules().filter { Self.ignoredModules[$0] == nil }
        let ids = Set(try modules.flatMap { try SpecCase.load($0) }.map(\.id))
        #expect(Set(Self.ignoring.keys).subtracting(ids).isEmpty)
    }

    private func check(_ spec: SpecCase) throws {
        guard let reason = Self.ignoring[spec.id] else {
            try compare(spec)
            return
        }
        withKnownIssue(Comment(rawValue: reason)) { try compare(spec) }
    }

    private func compare(_ spec: SpecCase) throws {
        // The spec's main template is not a partial; a name no partial can have keeps them apart.
        var templates = [" spec ": try MustacheTemplate(spec.template)]
        for (name, text) in spec.partials { templates[name] = try MustacheTemplate(text) }
        let output = String(decoding: MustacheRenderer(templates: templates).render(" spec ", root: spec.root), as: UTF8.self)
        #expect(output == spec.expected, """
            \(spec.id): \(spec.desc)
            template: \(String(reflecting: spec.template))
            partials: \(String(reflecting: spec.partials))
            """)
    }
}
