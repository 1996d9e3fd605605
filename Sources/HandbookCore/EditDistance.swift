/// The closest candidate to a mistyped word, for "did you mean" hints: Levenshtein
/// distance of at most a third of the word's length, and at least 2 so a swapped pair of
/// letters (`titel`) still finds its word.
package func closestMatch(to word: String, in candidates: [String]) -> String? {
    let limit = max(2, word.count / 3)
    return candidates
        .map { (candidate: $0, distance: editDistance(word.lowercased(), $0.lowercased())) }
        .filter { $0.distance <= limit }
        .min { ($0.distance, $0.candidate) < ($1.distance, $1.candidate) }?
        .candidate
}

/// Levenshtein distance between two strings, over Unicode scalars.
package func editDistance(_ a: String, _ b: String) -> Int {
    let a = Array(a.unicodeScalars), b = Array(b.unicodeScalars)
    if a.isEmpty { return b.count }
    if b.isEmpty { return a.count }
    var previous = Array(0...b.count)
    var current = previous
    for i in 1...a.count {
        current[0] = i
        for j in 1...b.count {
            let substitution = previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1)
            current[j] = min(previous[j] + 1, current[j - 1] + 1, substitution)
        }
        swap(&previous, &current)
    }
    return previous[b.count]
}
