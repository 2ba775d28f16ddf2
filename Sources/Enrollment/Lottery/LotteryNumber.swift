import EnrollmentIO

/// A student's lottery number (随机派位号) in one draw: where the student stands in the
/// random order of that draw. The smaller number goes first.
///
/// The number is the SHA-256 digest of the UTF-8 text
///
///     "enroll-lottery/1" LF seed LF draw LF student_id
///
/// (LF = one line feed, U+000A; no line feed at the end), written as 64 lowercase hex
/// digits. Numbers are compared as those hex strings (equivalently, bytewise, or as
/// 256-bit big-endian integers). Anyone can recompute a number with
///
///     printf 'enroll-lottery/1\n%s\n%s\n%s' "$SEED" "$DRAW" "$STUDENT_ID" | sha256sum
///
/// So a student's number depends only on the seed, the draw's name and the student's own id:
/// not on who else applied, on file order or on the machine. The seed is fixed in public after
/// the applicant list is committed (see `SeedCeremony`), so no one can choose ids to win.
///
/// None of seed, draw and student_id may contain a line feed; case-file validation rejects
/// such values, which would make the text ambiguous.
///
/// Stored as four 64-bit words, so comparing two numbers (a million are sorted in a placement)
/// costs at most four integer comparisons.
public struct LotteryNumber: Hashable, Comparable, Sendable, CustomStringConvertible {
    /// The digest the number is.
    package let digest: SHA256Digest

    /// The domain tag at the start of the hashed text; the `1` is the version of this rule.
    package static let domain = "enroll-lottery/1"

    /// The number of `studentID` in the draw named `draw` under `seed`.
    /// - Complexity: O(length of the three strings); to number many students of one draw,
    ///   `LotteryNumber.Draw` hashes the common start once.
    public init(seed: String, draw: String, studentID: String) {
        self = Draw(seed: seed, name: draw).number(studentID: studentID)
    }

    /// The number of a student who may belong to a twin group (双胞胎/多胞胎); see
    /// `Draw.number(studentID:twinGroup:)`.
    package init(seed: String, draw: String, studentID: String, twinGroup: String?) {
        self = Draw(seed: seed, name: draw).number(studentID: studentID, twinGroup: twinGroup)
    }

    /// The number a ring draw gives the applicant it takes at `position` (1 for the start
    /// number, then in the order taken): the 256-bit number `position`, written as 64 hex digits
    /// (`…0001`, `…0002`, …), so that numbers of a ring-drawn level order as the ring took them
    /// and every file and reader of lottery numbers serves both kinds of draw.
    package init(ringPosition position: Int) {
        precondition(position >= 1, "ring positions start at 1")
        self.init(digest: SHA256Digest(0, 0, 0, UInt64(position)))
    }

    /// The ring position this number stands for (`init(ringPosition:)`); nil for a lottery
    /// number, or a position beyond 32 bits.
    package var ringPosition: Int32? {
        let w = digest.words
        guard w.0 == 0, w.1 == 0, w.2 == 0, w.3 >= 1, let p = Int32(exactly: w.3) else { return nil }
        return p
    }

    /// The number written as `hex` (64 hex digits, either case); nil if malformed.
    package init?(hex: String) {
        guard let digest = SHA256Digest(hex: hex) else { return nil }
        self.digest = digest
    }

    /// The number written as `hex` (a slice of a line, say); as `init?(hex: String)`.
    package init?(hex: Substring) {
        guard let digest = SHA256Digest(hex: hex) else { return nil }
        self.digest = digest
    }

    /// The 64 lowercase hex digits, as published in the results.
    public var hex: String { digest.hex }

    public var description: String { digest.hex }

    /// True if `a` goes before `b` in the draw (its number is smaller).
    public static func < (a: LotteryNumber, b: LotteryNumber) -> Bool {
        a.digest < b.digest
    }

    private init(digest: SHA256Digest) {
        self.digest = digest
    }
}

extension LotteryNumber {
    /// One draw (seed and draw name), ready to number its students: the start of the hashed
    /// text, "enroll-lottery/1" LF seed LF draw LF, is hashed once, which with a 64-digit seed
    /// fills a whole SHA-256 block, so for ids of usual length each student costs one block
    /// instead of two.
    package struct Draw: Sendable {
        /// A hasher that has already seen "enroll-lottery/1" LF seed LF draw LF.
        private let prefix: SHA256

        /// The draw named `name` under `seed`.
        package init(seed: String, name: String) {
            prefix = SHA256.drawPrefix(domain: LotteryNumber.domain, seed: seed, draw: name)
        }

        /// The number of `studentID` in this draw.
        /// - Complexity: O(length of `studentID`).
        package func number(studentID: String) -> LotteryNumber {
            var hasher = prefix
            hasher.update(studentID)
            return LotteryNumber(digest: hasher.finalize())
        }

        /// The number of a student who may belong to a twin group (双胞胎/多胞胎).
        ///
        /// Where the policy keeps twins together, pass the student's `twin_group` value: the
        /// number is then computed with that value in place of the student_id, so every member
        /// of the group gets the same number and the group stands together in the order.
        /// Otherwise (no group, an empty value, or a policy that does not keep twins together:
        /// pass nil) it is the student's own number. A twin_group value must not equal any
        /// student_id; case-file validation checks this. Ordering inside a group of equal
        /// numbers is the placement's rule, not the lottery's.
        package func number(studentID: String, twinGroup: String?) -> LotteryNumber {
            if let twinGroup, !twinGroup.isEmpty {
                return number(studentID: twinGroup)
            }
            return number(studentID: studentID)
        }
    }
}
