
/// A list whose items are made one at a time as a template reaches them and dropped once
/// shown: print.html lists every page of the site, and made up front its 10,000 entries were
/// held at once.
public struct LazyList: Sendable, Equatable {
    package let count: Int
    private let item: @Sendable (Int) -> TemplateValue

    package init(count: Int, item: @escaping @Sendable (Int) -> TemplateValue) {
        self.count = count
        self.item = item
    }

    package subscript(index: Int) -> TemplateValue {
        item(index)
    }

    public static func == (lhs: LazyList, rhs: LazyList) -> Bool {
        lhs.count == rhs.count && (0..<lhs.count).allSatisfy { lhs[$0] == rhs[$0] }
    }
}
