/// The order of the lottery: by number, and between twins who share one by the UTF-8 bytes
/// of their `student_id` — the order `lottery-numbers.csv` is published in.
package struct LotteryOrder: Comparable {
    package let number: LotteryNumber
    package let studentID: String

    package init(number: LotteryNumber, studentID: String) {
        self.number = number
        self.studentID = studentID
    }

    package static func < (a: LotteryOrder, b: LotteryOrder) -> Bool {
        a.number != b.number ? a.number < b.number : a.studentID.utf8.lexicographicallyPrecedes(b.studentID.utf8)
    }
}
