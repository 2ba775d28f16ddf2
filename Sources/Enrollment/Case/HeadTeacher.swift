/// A teacher who may be drawn as a class's head teacher (班主任).
public struct HeadTeacher: Hashable, Sendable {
    public var teacherID: String
    /// The teacher's own children among the school's pupils (student_ids), if any.
    public var childStudentIDs: Set<String>

    public init(teacherID: String, childStudentIDs: Set<String> = []) {
        self.teacherID = teacherID
        self.childStudentIDs = childStudentIDs
    }
}
