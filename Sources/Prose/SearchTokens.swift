import Foundation

/// How text becomes search words, for the index and the word stream alike.
package enum SearchTokens {
    /// Splits text into search words: canonical decomposition with accents dropped, lower
    /// case, apostrophes removed ("don't" is "dont"), split at anything but a letter or digit.
    /// ASCII, nearly all of the text, takes a fast path; other characters are decomposed one
    /// by one, which is enough since their accents are dropped anyway.
    package static func words(_ text: String) -> [String] {
        text.utf8.allSatisfy { $0 < 0x80 } ? asciiWords(text) : unicodeWords(text)
    }

    private static func asciiWords(_ text: String) -> [String] {
        var words: [String] = []
        var current: [UInt8] = []
        for byte in text.utf8 {
            switch byte {
            case 0x61...0x7A, 0x30...0x39: current.append(byte)
            case 0x41...0x5A: current.append(byte + 0x20)
            case 0x27: continue
            default:
                if !current.isEmpty { words.append(String(decoding: current, as: UTF8.self)) }
                current.removeAll(keepingCapacity: true)
            }
        }
        if !current.isEmpty { words.append(String(decoding: current, as: UTF8.self)) }
        return words
    }

    private static func unicodeWords(_ text: String) -> [String] {
        var words: [String] = []
        var current = String.UnicodeScalarView()
        func finish() {
            if !current.isEmpty { words.append(String(current)) }
            current = String.UnicodeScalarView()
        }
        for scalar in text.unicodeScalars {
            switch scalar.value {
            case 0x61...0x7A, 0x30...0x39: current.append(scalar)
            case 0x41...0x5A: current.append(Unicode.Scalar(scalar.value + 0x20)!)
            case 0x27, 0x2019: continue
            case 0..<0x80: finish()
            default:
                for part in String(scalar).decomposedStringWithCanonicalMapping.unicodeScalars {
                    switch part.properties.generalCategory {
                    case .nonspacingMark, .spacingMark, .enclosingMark:
                        continue
                    case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter,
                         .decimalNumber, .letterNumber, .otherNumber:
                        current.append(contentsOf: String(part).lowercased().unicodeScalars)
                    default:
                        finish()
                    }
                }
            }
        }
        finish()
        return words
    }
}
