/// Which admission round comes first at a quality high school (`quota_order` in `policy.json`):
/// the quota round (指标到校) or the open round (统招). Each round is final for whoever it
/// admits; the later round serves every graduate not yet admitted.
///
/// The order matters (Dur, Kominers, Pathak and Sönmez, "Reserve Design", 2018): when the
/// quota round comes first, a junior school's best graduates use its quota seats and leave the
/// open seats to others; when the open round comes first, they take open seats on their score
/// and the quota seats go further down the junior school's list, so the quota then helps its
/// school more.
package enum QuotaOrder: String, CaseIterable, Sendable {
    case quotaFirst = "quota-first"
    case openFirst = "open-first"
}

/// Where quota seats that no eligible graduate of their junior school took go
/// (`quota_unfilled` in `policy.json`).
package enum QuotaUnfilledRule: String, CaseIterable, Sendable {
    /// Back to the open round (the default).
    case openRound = "open-round"
    /// To a region-wide second quota round among eligible graduates not yet admitted, whatever
    /// their junior school; seats still unfilled after it go back to the open round.
    case secondRound = "second-round"
}

/// What happens when graduates tie (equal score and equal policy tie-breaks) for the last quota
/// seat of a junior school (`quota_tie_at_last_seat` in `policy.json`).
package enum LastSeatTieRule: String, CaseIterable, Sendable {
    /// The lottery number of the draw `quota-admission` decides (the default).
    case lottery
    /// Every graduate tied with the one who took the last seat is admitted too, even above the
    /// quota; the run names each such case.
    case admitAll = "admit-all"
}
