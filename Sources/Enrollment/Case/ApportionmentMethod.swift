/// How `Apportionment` divides whole seats among parties in proportion to their bases.
/// `docs/QUOTA.md` gives each rule with worked examples and the paradoxes each avoids or not.
///
/// Notation: `S` seats, party `i` with basis `b_i`, total `B = Σ b_i`, exact quota
/// `q_i = S · b_i / B`, current seats `s_i`. Ties are always broken by the caller's tie-break
/// order (lower rank first).
public enum ApportionmentMethod: String, CaseIterable, Sendable {
    /// Hamilton's method (the default): each party gets `⌊q_i⌋`, and the seats left over go one
    /// each to the largest remainders `q_i − ⌊q_i⌋`. Satisfies quota (every party gets its
    /// quota rounded down or up); suffers the Alabama and population paradoxes.
    case largestRemainder = "largest-remainder"
    /// Sainte-Laguë / Webster: seats go one at a time to the highest `b_i / (s_i + ½)`
    /// (compared as `b_i / (2 s_i + 1)`). A divisor method: no Alabama or population paradox.
    case sainteLague = "sainte-lague"
    /// Huntington–Hill (equal proportions, the US House method): every party with a positive
    /// basis first gets one seat; then seats go one at a time to the highest
    /// `b_i / √(s_i (s_i + 1))`, compared exactly by squaring: `b_i² / (s_i (s_i + 1))`.
    case huntingtonHill = "huntington-hill"
    /// D'Hondt / Jefferson: seats go one at a time to the highest `b_i / (s_i + 1)`.
    /// Favours large parties.
    case dHondt = "dhondt"
    /// Each party gets `⌊q_i⌋` but at least one seat if its basis is positive; the seats left
    /// over are not placed but returned (to the open admission round), and the result says
    /// how many.
    case floorMinOneReturnRest = "floor-min-one-return-rest"
    /// Each party gets `⌊q_i⌋`; the seats left over are placed by public lottery, one each, to
    /// the parties with a non-zero remainder in the tie-break order (which is the lottery's
    /// draw).
    case floorLotteryRest = "floor-lottery-rest"
}
