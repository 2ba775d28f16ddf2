/// A teacher who may be drawn as a class's head teacher (班主任).
package struct HeadTeacher: Hashable, Sendable {
    package var teacherID: String
    /// The teacher's own children among the school's pupils (student_ids), if any.
    package var childStudentIDs: Set<String>

    package init(teacherID: String, childStudentIDs: Set<String> = []) {
        self.teacherID = teacherID
        self.childStudentIDs = childStudentIDs
    }
}
