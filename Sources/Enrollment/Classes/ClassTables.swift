import EnrollmentIO

/// The files the class step writes, as CSV bytes (UTF-8 with a byte-order mark). Schools in
/// `school_id` order, classes by number, pupils by `student_id`; means to two decimals.
package enum ClassTables {
    package typealias SchoolClasses = (school: String, classes: ClassFormationResult)

    /// `classes.csv`: student_id, school_id, class_no.
    package static func classes(_ schools: [SchoolClasses]) -> [UInt8] {
        var w = CSVWriter(header: ClassesFile.header)
        for (school, result) in schools {
            for c in result.classes {
                for id in c.studentIDs.sorted() { w.append([id, school, String(c.number)]) }
            }
        }
        return w.bytes
    }

    /// `class-summary.csv`: per class, size (and weighted size), boys, girls, mean and standard
    /// deviation of score, a count per care group, and the mean of each subject.
    package static func summary(_ schools: [SchoolClasses], careGroups: [String]) -> [UInt8] {
        var subjects = Set<String>()
        for (_, r) in schools { for c in r.classes { subjects.formUnion(c.subjectMeans.keys) } }
        let subjectList = subjects.sorted()
        var w = CSVWriter(header: ClassSummaryFile.header(careGroups: careGroups, subjects: subjectList))
        for (school, result) in schools {
            for c in result.classes {
                let mean: String = c.scoreMean.map { DecimalText.format($0, places: 2) } ?? ""
                let sd: String = c.scoreStandardDeviation.map { DecimalText.format($0, places: 2) } ?? ""
                var row: [String] = [school, String(c.number), String(c.size), String(c.weightedSize), String(c.boys), String(c.girls), mean, sd]
                row += careGroups.map { String(c.careCounts[$0] ?? 0) }
                row += subjectList.map { s -> String in c.subjectMeans[s].map { DecimalText.format($0, places: 2) } ?? "" }
                w.append(row)
            }
        }
        return w.bytes
    }

    /// `class-balance.csv`: per school and measure, the spread (largest minus smallest class
    /// mean) and the standard deviation of the class means.
    package static func balance(_ schools: [SchoolClasses]) -> [UInt8] {
        var w = CSVWriter(header: ClassBalanceFile.header)
        for (school, result) in schools {
            for b in result.balance {
                w.append([school, b.measure, DecimalText.format(b.spread, places: 3), DecimalText.format(b.standardDeviation, places: 3)])
            }
        }
        return w.bytes
    }

    /// `head-teachers.csv`: school_id, class_no, teacher_id.
    package static func headTeachers(_ schools: [(school: String, teachers: [String])]) -> [UInt8] {
        var w = CSVWriter(header: HeadTeachersFile.header)
        for (school, teachers) in schools {
            for (k, t) in teachers.enumerated() { w.append([school, String(k + 1), t]) }
        }
        return w.bytes
    }
}
