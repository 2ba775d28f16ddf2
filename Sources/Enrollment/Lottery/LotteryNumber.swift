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
    public let digest: SHA256Digest

    /// The domain tag at the start of the hashed text; the `1` is the version of this rule.
    public static let domain = "enroll-lottery/1"

    /// The number of `studentID` in the draw named `draw` under `seed`.
    /// - Complexity: O(length of the three strings); one SHA-256 block for usual lengths.
    public init(seed: String, draw: String, studentID: String) {
        var hasher = SHA256()
        hasher.update(Self.domain)
        hasher.update("\n")
        hasher.update(seed)
        hasher.update("\n")
        hasher.update(draw)
        hasher.update("\n")
        hasher.update(studentID)
        digest = hasher.finalize()
    }

    /// The number of a student who may belong to a twin group (双胞胎/多胞胎).
    ///
    /// Where the policy keeps twins together, pass the student's `twin_group` value: the number
    /// is then computed with that value in place of the student_id, so every member of the
    /// group gets the same number and the group stands together in the order. Otherwise (no
    /// group, an empty value, or a policy that does not keep twins together: pass nil) it is
    /// the student's own number. A twin_group value must not equal any student_id; case-file
    /// validation checks this. Ordering inside a group of equal numbers is the placement's
    /// rule, not the lottery's.
    public init(seed: String, draw: String, studentID: String, twinGroup: String?) {
        if let twinGroup, !twinGroup.isEmpty {
            self.init(seed: seed, draw: draw, studentID: twinGroup)
        } else {
            self.init(seed: seed, draw: draw, studentID: studentID)
        }
    }

    /// The number written as `hex` (64 hex digits, either case); nil if malformed.
    public init?(hex: some StringProtocol) {
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
}
