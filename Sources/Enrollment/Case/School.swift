import EnrollmentVocabulary
/// A school taking part in the admission round (`schools.csv`, one row each).
package struct School: Hashable, Sendable {
    /// Unique id, used by every other file (`school_id`).
    package var id: String
    package var name: String
    package var level: SchoolLevel
    package var sector: SchoolSector
    /// Seats in this intake (招生计划); at least 1.
    package var capacity: Int
    /// Number of classes of the intake, if fixed; otherwise derived from the class-size cap.
    package var classes: Int?
    /// Where the school stands (for reassignment to the nearest school with a seat).
    package var longitude: Double?
    package var latitude: Double?
    /// A primary school's paired junior school (对口直升).
    package var feeds: String?
    /// A high school whose places are shared out as quotas (示范性/优质高中).
    package var quality: Bool
    /// Optional weight of a junior school's basis in quota allocation (e.g. "1.2" for rural schools).
    package var quotaWeight: String?
    /// A boarding school (寄宿制学校).
    package var boarding: Bool
    /// Where the school is (城区, 镇区, 乡村), for the supervision figures; nil when not given.
    package var locale: Locale?
    /// Of a private school's seats, those the government has bought (政府购买学位) for the
    /// children the policy names (`purchased_place_categories`, by default `migrant`): the
    /// school's own lottery fills the others, reassignment (统筹) these.
    package var purchasedPlaces: Int
    /// The line in `schools.csv`.
    package var line: Int

    package init(id: String, name: String, level: SchoolLevel, sector: SchoolSector = .public, capacity: Int,
                classes: Int? = nil, longitude: Double? = nil, latitude: Double? = nil, feeds: String? = nil,
                quality: Bool = false, quotaWeight: String? = nil, boarding: Bool = false, locale: Locale? = nil, purchasedPlaces: Int = 0, line: Int = 0) {
        self.id = id
        self.name = name
        self.level = level
        self.sector = sector
        self.capacity = capacity
        self.classes = classes
        self.longitude = longitude
        self.latitude = latitude
        self.feeds = feeds
        self.quality = quality
        self.quotaWeight = quotaWeight
        self.boarding = boarding
        self.locale = locale
        self.purchasedPlaces = purchasedPlaces
        self.line = line
    }
}

extension School {
    /// Where a school is, as the national statistics class it (城乡划分): the nearby-admission
    /// standard counts urban and town schools.
    package enum Locale: String, CaseIterable, Hashable, Sendable {
        case urban, town, rural

        /// Parses the code names (any case) and 城区, 镇区, 乡村.
        package init?(parsing text: String) {
            switch text.lowercased() {
            case "urban", "城区", "城市": self = .urban
            case "town", "镇区", "县镇": self = .town
            case "rural", "乡村", "农村": self = .rural
            default: return nil
            }
        }
    }
}
