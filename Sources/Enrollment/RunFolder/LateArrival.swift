import EnrollmentIO

/// A pupil placed at a school after its classes were formed (a vacancy promotion, a transfer):
/// one row of the list given to `enroll classes --late`.
public struct LateArrival: Hashable, Sendable, Comparable {
    public var studentID: String
    public var schoolID: String

    public init(studentID: String, schoolID: String) {
        self.studentID = studentID
        self.schoolID = schoolID
    }

    /// By `student_id`, then `school_id` (UTF-8 byte order): the order a round is recorded in.
    public static func < (a: LateArrival, b: LateArrival) -> Bool {
        a.studentID != b.studentID ? a.studentID.utf8.lexicographicallyPrecedes(b.studentID.utf8)
            : a.schoolID.utf8.lexicographicallyPrecedes(b.schoolID.utf8)
    }

    /// `{"school_id": …, "student_id": …}`, as the manifest records it.
    package var json: JSONValue {
        .object([("school_id", .string(schoolID)), ("student_id", .string(studentID))])
    }

    /// Reads the object `json` writes.
    package init(_ value: JSONValue, file: String) throws(Diagnostic) {
        let r = try JSONObjectReader(value, file: file, what: "a late arrival", known: ["school_id", "student_id"])
        self.init(studentID: try r.string("student_id"), schoolID: try r.string("school_id"))
    }
}
