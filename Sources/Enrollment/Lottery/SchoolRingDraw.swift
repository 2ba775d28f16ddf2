/// The ring draw of one school (起始号 + 间隔数 drawn for that school in the hall): a school the
/// policy names in `ring_draw_schools` orders its applicants by this ring instead of their
/// lottery numbers, the rest of the level by the lottery (docs/LOTTERY.md section 7).
public struct SchoolRingDraw: Hashable, Sendable {
    /// The `school_id` of the school.
    public var schoolID: String
    /// The start number and interval drawn for it.
    public var draw: RingDraw

    public init(schoolID: String, draw: RingDraw) {
        self.schoolID = schoolID
        self.draw = draw
    }
}
