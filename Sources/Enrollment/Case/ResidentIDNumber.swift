import EnrollmentIO

/// A resident identity card number (公民身份号码, GB 11643-1999).
///
/// 18 characters: a 6-digit address code, the birth date as 8 digits (YYYYMMDD), a 3-digit
/// order code (odd for men, even for women) and a check character computed by ISO 7064
/// MOD 11-2 over the first 17 digits: weights 7 9 10 5 8 4 2 1 6 3 7 9 10 5 8 4 2, and the
/// sum modulo 11 picks the check character from `1 0 X 9 8 7 6 5 4 3 2`.
/// The older 15-digit form has a 6-digit birth date (YYMMDD, in the 1900s) and no check character.
package struct ResidentIDNumber: Hashable, Sendable {
    /// The number as written, upper-cased (`x` → `X`).
    package let text: String
    /// The birth date it encodes.
    package let birthDate: CalendarDate

    /// Why a resident id number is not valid.
    package enum Problem: Error, Equatable, CustomStringConvertible {
        case wrongLength(Int)
        case notDigits
        case impossibleBirthDate
        case wrongCheckCharacter(expected: Character)

        package var description: String {
            switch self {
            case .wrongLength(let n): return "a resident id number has 18 characters (or 15 in the old form), not \(n)"
            case .notDigits: return "a resident id number is digits only, with X allowed as the last of 18"
            case .impossibleBirthDate: return "the birth date inside the resident id number does not exist"
            case .wrongCheckCharacter: return "the check character (the last one) does not match the other 17 digits (GB 11643): a digit was probably mistyped"
            }
        }
    }

    package static let weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
    package static let checkCharacters: [Character] = ["1", "0", "X", "9", "8", "7", "6", "5", "4", "3", "2"]
    /// `checkCharacters` as ASCII bytes.
    package static let checkBytes: [UInt8] = checkCharacters.map { $0.asciiValue! }

    /// The check character for the first 17 digits of an 18-digit number.
    package static func checkCharacter(for first17: [Int]) -> Character {
        precondition(first17.count == 17)
        var sum = 0
        for (d, w) in zip(first17, weights) { sum += d * w }
        return checkCharacters[sum % 11]
    }

    /// The form in which two id numbers as written are compared (one child, one application):
    /// upper-cased, so that a final `x` reads as `X`. A number of ASCII characters without a
    /// lower-case letter (every valid one written with `X`) is returned as it is.
    /// - Complexity: O(n) in the length of `text`; allocates only when a letter changes.
    package static func comparisonKey(_ text: String) -> String {
        var ascii = true, lower = false
        for u in text.utf8 {
            if u >= 0x80 { ascii = false; break }
            if (0x61...0x7A).contains(u) { lower = true }
        }
        guard ascii else { return text.uppercased() }
        guard lower else { return text }
        return String(decoding: text.utf8.map { (0x61...0x7A).contains($0) ? $0 - 0x20 : $0 }, as: UTF8.self)
    }

    /// Validates `text`, throwing the first problem found.
    /// - Complexity: O(1) (at most 18 characters are looked at), without allocating unless
    ///   a lower-case `x` is upper-cased.
    package init(validating text: String) throws(Problem) {
        var utf8 = text
        switch utf8.withUTF8(ResidentIDNumber.check) {
        case .success(let (birth, lowerX)):
            birthDate = birth
            self.text = lowerX ? String(text.utf8.dropLast())! + "X" : text
        case .failure(.wrongLength):
            throw .wrongLength(text.count)
        case .failure(let problem):
            throw problem
        }
    }

    /// The birth date in the UTF-8 bytes `b` of a number, and whether its check character
    /// is a lower-case `x`; or the first problem (`wrongLength` without its count).
    package static func check(_ b: UnsafeBufferPointer<UInt8>) -> Result<(CalendarDate, lowerX: Bool), Problem> {
        func digit(_ i: Int) -> Int? {
            let d = Int(b[i]) &- 48
            return d >= 0 && d <= 9 ? d : nil
        }
        /// The date written as (YY)YYMMDD from `start`, with `century` added to a 2-digit year.
        func date(at start: Int, yearDigits: Int, century: Int) -> CalendarDate? {
            var n = 0
            for i in start..<(start + yearDigits + 4) {
                guard let d = digit(i) else { return nil }
                n = n * 10 + d
            }
            return CalendarDate(year: century + n / 10_000, month: n / 100 % 100, day: n % 100)
        }
        switch b.count {
        case 18:
            var sum = 0
            for i in 0..<17 {
                guard let d = digit(i) else { return .failure(.notDigits) }
                sum += d * weights[i]
            }
            let lowerX = b[17] == UInt8(ascii: "x")
            let last = lowerX ? UInt8(ascii: "X") : b[17]
            guard digit(17) != nil || last == UInt8(ascii: "X") else { return .failure(.notDigits) }
            guard let birth = date(at: 6, yearDigits: 4, century: 0) else { return .failure(.impossibleBirthDate) }
            guard checkBytes[sum % 11] == last else { return .failure(.wrongCheckCharacter(expected: checkCharacters[sum % 11])) }
            return .success((birth, lowerX))
        case 15:
            guard (0..<15).allSatisfy({ digit($0) != nil }) else { return .failure(.notDigits) }
            guard let birth = date(at: 6, yearDigits: 2, century: 1900) else { return .failure(.impossibleBirthDate) }
            return .success((birth, false))
        default:
            return .failure(.wrongLength(b.count))
        }
    }
}
