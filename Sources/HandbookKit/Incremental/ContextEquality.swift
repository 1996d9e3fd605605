/// Whether two template contexts hold the same values. A rebuild compares a page's old and
/// new context to learn whether the page would come out differently: building a context is
/// about a tenth of the cost of filling its template, and the comparison needs no knowledge
/// of what the templates show (navigation windows, backlinks, neighbours...).
///
/// Contexts are what ``PageContext`` builds: dictionaries, arrays, strings, numbers and
/// booleans. Anything else compares by its description, which errs towards "different".
func contextsEqual(_ lhs: Any, _ rhs: Any) -> Bool {
    switch (lhs, rhs) {
    case let (left as String, right as String):
        return left == right
    case let (left as Bool, right as Bool):
        return left == right
    case let (left as Int, right as Int):
        return left == right
    case let (left as [String: Any], right as [String: Any]):
        guard left.count == right.count else { return false }
        for (key, value) in left {
            guard let other = right[key], contextsEqual(value, other) else { return false }
        }
        return true
    case let (left as [Any], right as [Any]):
        guard left.count == right.count else { return false }
        return zip(left, right).allSatisfy { contextsEqual($0, $1) }
    default:
        return type(of: lhs) == type(of: rhs) && String(describing: lhs) == String(describing: rhs)
    }
}
