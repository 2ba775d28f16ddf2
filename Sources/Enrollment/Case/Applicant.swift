/// A child applying to a primary school (`primary-applicants.csv`) or a primary-school
/// leaver applying to a junior school (`junior-applicants.csv`), one row each.
///
/// Names and id numbers are carried for the school's own lists only: no message, log or
/// public file shows them unmasked.
package struct Applicant: Hashable, Sendable {
    // The stored properties are declared in an order that packs them (240 bytes a row rather
    // than 272): the one-byte values and the date fill the space after `longitude`'s flag, the
    // months (two bytes each) the space after `score`'s.
    // Optionals are spelled `Optional<T>`: a `T?` property starts as nil before `init` sets
    // it, and with that the optimizer (Swift 6.3) builds each applicant aside, copies it
    // (retaining every field) and destroys the original, rather than building it in place.

    /// The student registration id (学籍号); unique in its file.
    package var id: String
    package var name: String
    package var idNumber: Optional<String>
    /// Home address, for zones published as address lists.
    package var address: Optional<String>
    /// A school where a sibling already studies.
    package var siblingSchool: Optional<String>
    /// A junior applicant's primary school (for feeder pairing).
    package var primarySchool: Optional<String>
    /// Twins and other multiple births share a group id.
    package var twinGroup: Optional<String>
    /// The bureau's approval of an entry outside the age window (deferred or early entry),
    /// with its reason; the age is then not checked.
    package var ageException: Optional<String>
    /// Tags such as `disabled`, `left_behind`, `military`, `migrant`, in file order.
    package var categories: [String]
    /// School ids in order of preference (志愿).
    package var choices: [String]
    /// Subject scores from `score_<subject>` columns, by subject, in column order.
    package var subjectScores: [SubjectScore]
    /// Students to be placed in the same class / never in the same class.
    package var togetherWith: [String]
    package var apartFrom: [String]
    /// The line in its file.
    package var line: Int
    /// Home coordinates in the case's coordinate system, when given.
    package var longitude: Optional<Double>
    package var gender: Gender
    package var residence: ResidenceTie
    package var birthDate: CalendarDate
    package var latitude: Optional<Double>
    /// A non-selective baseline score (class balance only), if given.
    package var score: Optional<Score>
    // The months (0–1200 as read) are kept in two bytes each, after `score`.
    private var storedPermitMonths: Optional<UInt16>
    private var storedInsuranceMonths: Optional<UInt16>

    package init(id: String, name: String = "", gender: Gender, birthDate: CalendarDate, idNumber: String? = nil,
                longitude: Double? = nil, latitude: Double? = nil, address: String? = nil,
                residence: ResidenceTie = .hukouAndProperty, categories: [String] = [], siblingSchool: String? = nil,
                primarySchool: String? = nil, choices: [String] = [], score: Score? = nil,
                subjectScores: [SubjectScore] = [], togetherWith: [String] = [], apartFrom: [String] = [],
                twinGroup: String? = nil, ageException: String? = nil, permitMonths: Int? = nil,
                insuranceMonths: Int? = nil, line: Int = 0) {
        self.id = id
        self.name = name
        self.gender = gender
        self.birthDate = birthDate
        self.idNumber = idNumber
        self.longitude = longitude
        self.latitude = latitude
        self.address = address
        self.residence = residence
        self.categories = categories
        self.siblingSchool = siblingSchool
        self.primarySchool = primarySchool
        self.choices = choices
        self.score = score
        self.subjectScores = subjectScores
        self.togetherWith = togetherWith
        self.apartFrom = apartFrom
        self.twinGroup = twinGroup
        self.ageException = ageException
        self.storedPermitMonths = permitMonths.flatMap(UInt16.init(exactly:))
        self.storedInsuranceMonths = insuranceMonths.flatMap(UInt16.init(exactly:))
        self.line = line
    }

    /// Months the family has held a residence permit, if given (0–65535; checked against the
    /// policy's `months_required` for the applicant's residence tier).
    package var permitMonths: Int? {
        get { storedPermitMonths.map(Int.init) }
        set { storedPermitMonths = newValue.flatMap(UInt16.init(exactly:)) }
    }

    /// Months of social insurance paid, if given (as `permitMonths`).
    package var insuranceMonths: Int? {
        get { storedInsuranceMonths.map(Int.init) }
        set { storedInsuranceMonths = newValue.flatMap(UInt16.init(exactly:)) }
    }

    /// Whether the applicant carries `tag` in `categories`.
    package func has(_ tag: String) -> Bool { categories.contains(tag) }
}

/// One subject's score, from a `score_<subject>` column.
package struct SubjectScore: Hashable, Sendable {
    package var subject: String
    package var score: Score

    package init(subject: String, score: Score) {
        self.subject = subject
        self.score = score
    }
}
