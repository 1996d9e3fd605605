extension Array where Element == UInt8 {
    /// Appends a number's digits as `String(number)` writes them, without making the string:
    /// line numbers, heading levels and template numbers are written on every page.
    package mutating func appendDecimal(_ number: Int) {
        guard number >= 0 else { return self += String(number).utf8 }
        if number >= 10 { appendDecimal(number / 10) }
        append(UInt8(ascii: "0") + UInt8(number % 10))
    }
}
