import Foundation
import Testing
@testable import HandbookKit
@testable import Templating

/// print.html, the exercise plan, and what every page gains: search, Open Graph, JSON-LD.
@Suite struct PatientPagesTests {
    func built() async throws -> OutputPlan {
        let fixture = try Fixture("minimal")
        defer { fixture.remove() }
        return try #require(try await fixture.build().plan().plan)
    }

    static func ids(in html: String) -> [String] {
        html.components(separatedBy: " id=\"").dropFirst().map { String($0.prefix { $0 != "\"" }) }
    }

    @Test func printPageHasUniqueIDsAndEveryInPageLinkLands() async throws {
        let html = try #require(try await built().text(at: "print.html"))
        #expect(html.contains("<meta name=\"robots\" content=\"noindex\">"))
        let ids = Self.ids(in: html)
        #expect(Set(ids).count == ids.count, "duplicate ids: \(ids.filter { id in ids.filter { $0 == id }.count > 1 })")
        let main = String(html[html.range(of: "<main")!.lowerBound..<html.range(of: "</main>")!.lowerBound])
        let targets = HTMLLinks.targets(in: main).filter { !$0.contains("://") }
        #expect(targets.filter { $0.hasPrefix("#") }.count > 10)
        for target in targets {
            if target.hasPrefix("#") {
                #expect(ids.contains(String(target.dropFirst())), "\(target) lands nowhere")
            } else {
                #expect(!target.hasSuffix(".html") && !target.contains(".html#"), "\(target) leaves the page")
            }
        }
        // Every page once, in reading order.
        let order = ["understanding", "understanding__basics", "safety", "safety__emergency-signs", "exercises", "exercises__bridge"]
        let positions = order.map { html.range(of: " id=\"\($0)\"")?.lowerBound }
        #expect(positions.allSatisfy { $0 != nil } && positions.map { $0! } == positions.map { $0! }.sorted())
        #expect(html.contains("href=\"#safety__when-to-stop.the-stop-rule\""), "a link to another page's heading")
        #expect(html.contains("src=\"exercises/bridge.svg\""))
    }

    @Test func planListsEveryExerciseWithStepsDoseAndStopList() async throws {
        let html = try #require(try await built().text(at: "plan.html"))
        for key in ["exercises__bridge", "exercises__pelvic-tilt"] {
            #expect(html.contains("<input type=\"checkbox\" id=\"pick-\(key)\" value=\"\(key)\" data-plan-pick>"))
            #expect(html.contains("data-plan-item=\"\(key)\""))
        }
        #expect(html.contains("src=\"exercises/bridge.svg\"") && html.contains("<li>Lift your hips.</li>"))
        #expect(html.contains("<dt>Hold</dt><dd>5 seconds</dd>") && html.contains("<li>Pain spreads down your leg</li>"))
        #expect(html.contains("class=\"plan-red-flags\""), "the warning signs print with the plan")
        #expect(html.contains("<form class=\"plan-picker\" data-plan-picker hidden"), "no picker without JavaScript")
        let ids = Self.ids(in: html)
        #expect(Set(ids).count == ids.count)
    }

    @Test func everyPageHasSearchOpenGraphAndStructuredData() async throws {
        let plan = try await built()
        for path in ["index.html", "exercises/bridge.html", "understanding/basics.html", "safety/index.html", "exercises/index.html", "plan.html"] {
            let html = try #require(plan.text(at: path))
            #expect(html.contains("<div class=\"search\" data-search"), "\(path) has no search box")
            #expect(html.contains("<meta property=\"og:title\""), "\(path) has no Open Graph title")
            let start = try #require(html.range(of: "<script type=\"application/ld+json\">"), "\(path) has no JSON-LD")
            let json = html[start.upperBound...].prefix { $0 != "<" }
            let object = try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any]
            #expect(object?["@context"] as? String == "https://schema.org", "\(path)")
        }
        let bridge = try #require(plan.text(at: "exercises/bridge.html"))
        #expect(bridge.contains("\"mainEntity\":{\"@type\":\"ExercisePlan\""))
        #expect(bridge.contains("<script src=\"../assets/search.js\" defer></script>"))
        #expect(bridge.contains("data-index=\"../assets/search-index.js\" data-home=\"../index.html\""))
    }
}
