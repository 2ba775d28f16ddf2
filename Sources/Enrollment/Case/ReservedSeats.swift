/// Seats a school holds for a category of applicants (预留学位): boarding places for
/// left-behind children (`left_behind`), a special class for disabled children (`disabled`),
/// a share for a local category. Given in `policy.json` (`reserved_seats`).
///
/// The seats are a floor: they go first to applicants of the category, by the same tiers and
/// lottery as every seat; those the category does not fill are released to everyone in the
/// same run, in the same order. An optional cap is a ceiling: at most so many of the school's
/// seats, the reserved ones included, go to the category. When the reserved seats are
/// processed, before or after the open seats, is the policy's `reserve_order`
/// (docs/PLACEMENT.md, Seat groups).
package struct ReservedSeats: Hashable, Sendable {
    /// The school (`school_id` of a primary or junior school).
    package var school: String
    /// The category tag the seats are held for (as in the applicants' `categories`).
    package var category: String
    /// How many of the school's seats are held; at least 1.
    package var seats: Int
    /// At most this many of the school's seats go to the category in all (at least `seats`);
    /// nil for no ceiling. A school caps one category at most.
    package var cap: Int?

    package init(school: String, category: String, seats: Int, cap: Int? = nil) {
        self.school = school
        self.category = category
        self.seats = seats
        self.cap = cap
    }
}

/// When a school's reserved seats are filled, relative to its open seats (`reserve_order`).
///
/// The order changes who is admitted. Take a school of 4 seats, 2 of them reserved for
/// `left_behind`, and six applicants of one tier in lottery order A, B*, C, D, E*, F* (* left
/// behind). Open seats first: the open seats take A and B*, the reserved seats E* and F*: three
/// left-behind children. Reserved seats first: the reserved seats take B* and E*, the open
/// seats A and C: two. Processing the reserve last never admits fewer of the category.
package enum ReserveOrder: String, CaseIterable, Hashable, Sendable {
    /// The open seats are filled first from everyone; the reserved seats then from the
    /// category among those left (the reserve adds to what the category wins in the open).
    case openFirst = "open-first"
    /// The reserved seats are filled first from the category; the open seats then from
    /// everyone left.
    case reservesFirst = "reserves-first"
}
