/// The schemas of the files the class step writes for a level (`ClassTables` makes them):
/// their columns, in order. Every reader finds a column through its schema's `Column`.
///
/// `classes.csv` (and each round of late arrivals, `late-arrivals-<n>.csv`): one row per pupil.
package enum ClassesFile {
    package static let name = "classes.csv"

    package enum Column: String, CaseIterable, Sendable {
        case studentID = "student_id", schoolID = "school_id", classNumber = "class_no"
    }

    package static var header: [String] { Column.allCases.map(\.rawValue) }
}

/// `class-summary.csv`: per class, the fixed columns, then a count per care group (the policy's
/// `care_groups`, each its own column) and `mean_<subject>` for each subject scored.
package enum ClassSummaryFile {
    package static let name = "class-summary.csv"

    package enum Column: String, CaseIterable, Sendable {
        case schoolID = "school_id", classNumber = "class_no", size, weightedSize = "weighted_size", boys, girls
        case scoreMean = "score_mean", scoreSD = "score_sd"
    }

    /// The header of a summary with these care groups and subjects.
    package static func header(careGroups: [String], subjects: [String]) -> [String] {
        Column.allCases.map(\.rawValue) + careGroups + subjects.map { subjectPrefix + $0 }
    }

    /// What starts the column of a subject's mean.
    package static let subjectPrefix = "mean_"
}

/// `class-balance.csv`: per school and measure, the spread of the class means and their standard deviation.
package enum ClassBalanceFile {
    package static let name = "class-balance.csv"

    package enum Column: String, CaseIterable, Sendable {
        case schoolID = "school_id", measure, spread, sdOfClassMeans = "sd_of_class_means"
    }

    package static var header: [String] { Column.allCases.map(\.rawValue) }
}

/// `head-teachers.csv`: the teacher drawn for each class.
package enum HeadTeachersFile {
    package static let name = "head-teachers.csv"

    package enum Column: String, CaseIterable, Sendable {
        case schoolID = "school_id", classNumber = "class_no", teacherID = "teacher_id"
    }

    package static var header: [String] { Column.allCases.map(\.rawValue) }
}
