import Foundation
import Testing
@testable import HandbookKit
@testable import HandbookCore
@testable import Loading
@testable import Rendering
@testable import Templating

@Suite struct StructuredDataTests {
    func rendered(_ matter: FrontMatter) -> RenderedPage {
        RenderedPage(page: Page(source: "exercises/bridge.md", frontMatter: matter, body: "", bodyLine: 1),
                     headings: [], links: [], images: [])
    }

    func object(_ json: String) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
    }

    @Test func escapesEverythingThatCouldEndTheScript() {
        var json: [UInt8] = []
        ScriptJSON.appendString("</script><!-- & \u{2028}\u{2029}", to: &json)
        #expect(String(decoding: json, as: UTF8.self) == #""\u003c/script\u003e\u003c!-- \u0026 \u2028\u2029""#)
    }

    @Test func hostileFrontMatterStaysInsideTheScriptAndRoundTrips() throws {
        let title = "</script><script>alert(1)</script>"
        let json = StructuredData.page(rendered(FrontMatter(title: title, summary: "a & b <!--")),
                                       config: SiteConfig(title: "T", description: "D", emergency: .test), url: nil)
        #expect(!json.lowercased().contains("</script") && !json.contains("<!--"))
        let page = try object(json)
        #expect(page["name"] as? String == title)
        #expect(page["description"] as? String == "a & b <!--")
        let evil = StructuredData.page(rendered(FrontMatter(title: "T", sources: [#"Evil - https://example.org/"onmouseover="x"#])),
                                       config: SiteConfig(title: "T", description: "D", emergency: .test), url: nil)
        #expect((try object(evil)["citation"] as? [[String: String]]) == [["@type": "CreativeWork", "name": "Evil"]])
    }

    @Test func articlesAreMedicalWebPagesForPatients() throws {
        let matter = FrontMatter(title: "Symptoms", summary: "What you feel.", reviewed: Day("2026-11-20"),
                                 sources: ["Sciatica - NHS - https://www.nhs.uk/conditions/sciatica/"])
        let config = SiteConfig(title: "Handbook", description: "D", language: "en-GB", condition: "Pinched nerve", emergency: .test)
        let json = StructuredData.page(rendered(matter), config: config, url: "https://example.org/a.html")
        #expect(json.hasPrefix(#"{"@context":"https://schema.org","@type":"MedicalWebPage","#), "keys are sorted")
        let page = try object(json)
        #expect(page["lastReviewed"] as? String == "2026-11-20")
        #expect(page["audience"] as? String == "https://schema.org/Patient")
        #expect((page["about"] as? [String: String]) == ["@type": "MedicalCondition", "name": "Pinched nerve"])
        #expect(page["inLanguage"] as? String == "en-GB")
        #expect(page["url"] as? String == "https://example.org/a.html")
        #expect(page["mainEntity"] == nil)
        let citation = try #require((page["citation"] as? [[String: String]])?.first)
        #expect(citation == ["@type": "CreativeWork", "name": "Sciatica - NHS", "url": "https://www.nhs.uk/conditions/sciatica/"])
    }

    @Test func exercisePagesCarryAnExercisePlan() throws {
        var matter = FrontMatter(title: "Bridge", summary: "Lift your hips.")
        matter.exercise = Exercise(type: .strengthening, targets: ["buttocks"], level: .beginner, holdSeconds: 5,
                                   reps: 8, frequency: "Once a day", stopIf: ["x"], avoidIf: ["y"])
        let page = try object(StructuredData.page(rendered(matter), config: SiteConfig(title: "T", description: "D", emergency: .test), url: nil))
        let plan = try #require(page["mainEntity"] as? [String: Any])
        #expect(plan["@type"] as? String == "ExercisePlan")
        #expect(plan["repetitions"] as? Int == 8)
        #expect(plan["exerciseType"] as? String == "Strengthening")
        #expect(plan["activityFrequency"] as? String == "Once a day")
        #expect(page["about"] == nil, "no condition configured")
    }

    /// The one-pass writer must give exactly the bytes `JSONEncoder` plus ``ScriptJSON/escape(_:)`` give.
    @Test func writerMatchesJSONEncoderByteForByte() throws {
        let awkward = (0..<0x20).map { String(Unicode.Scalar(UInt8($0))) }.joined()
            + "\u{7F} \" \\ / // </script> <!-- & > é ü ß 日本 🙂 \u{2028}\u{2029} \u{2027}\u{202A} \u{E2} \u{80}"
        let values: [StructuredData.Value] = [
            .string(""), .string(awkward), .number(0), .number(-42), .number(Int.max), .array([]), .object([:]),
            .array([.string("a"), .number(1), .object(["b": .string("</script>")])]),
            .object(["z": .string("1"), "@type": .string("T"), "a": .array([.string(awkward)]), "Name": .number(3),
                     "inLanguage": .string("en"), "isPartOf": .object(["@type": .string("WebSite")]), "url": .string("https://x.org/a b")]),
        ]
        for value in values {
            #expect(try ReferenceJSON.encode(value) == value.scriptJSON)
        }
    }

    @Test func pagesEncodeAsJSONEncoderWould() throws {
        var matter = FrontMatter(title: "Bridge \"<b>\"", summary: "Lift & hold\u{2028}.", reviewed: Day("2026-11-20"),
                                 sources: ["A - https://example.org/a?b=1&c=2", "B \\ C", "D - https://x.org/\"q\""])
        matter.exercise = Exercise(type: .strengthening, targets: ["buttocks", "low back"], level: .beginner, holdSeconds: 5,
                                   reps: 8, frequency: "Once a day", stopIf: ["x"], avoidIf: ["y"])
        let config = SiteConfig(title: "Handbook </", description: "D", language: "en-GB", condition: "Pinched nerve", emergency: .test)
        for url in [nil, "https://example.org/exercises/bridge.html"] {
            let value = StructuredData.pageValue(rendered(matter), config: config, url: url)
            #expect(try ReferenceJSON.encode(value) == StructuredData.page(rendered(matter), config: config, url: url))
        }
    }
}
