import Testing
@testable import HandbookKit
@testable import HandbookCore
@testable import Rendering
@testable import Templating

@Suite struct PrintAnchorsTests {
    @Test func partsMatchPageAnchor() {
        for path in ["exercises/bridge.html", "index.html", "safety/index.html", "a/b/c.html", "print.html"] {
            let output = SitePath(path)
            let anchors = PrintAnchors(output)
            #expect(anchors.page == PageAnchor.page(output))
            for name in ["", "title", "contents"] {
                #expect(anchors.part(name) == PageAnchor.part(name, of: output))
            }
        }
    }

    @Test func urlCharactersAreRFC3986s() {
        let allowed = Set("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-._~:/?#[]@!$&'()*+,;=%".unicodeScalars)
        for value in 0..<0x300 {
            guard let scalar = Unicode.Scalar(value) else { continue }
            #expect(StructuredData.isURLCharacter(scalar) == allowed.contains(scalar), "\(value)")
        }
    }
}
