import EnrollmentCase
import EnrollmentEngines

/// A synthetic second round (补录) of the primary level, to rehearse one.
extension SyntheticCountyBuilder {
    /// `newcomers` late applicants, each living where a first-round applicant lives (picked by
    /// the stream `synth/second-round`), of age for the intake, with a new `student_id`
    /// (`202602…`), a new name and no id number; and every 200th first-round applicant declining
    /// their seat.
    /// - Complexity: O(newcomers + first-round applicants).
    func secondRound(after primary: [Applicant], newcomers: Int) -> SecondRound {
        var random = LotteryStream(seed: p.seed, draw: "synth/second-round")
        let firstBirth = CalendarDate(year: Self.intakeYear - 7, month: 9, day: 1)!
        let width = max(4, String(newcomers).count)
        var round = SecondRound()
        round.applicants[.primary] = (0..<newcomers).map { k in
            let template = random.pick(primary)
            let n = String(k + 1)
            let gender: Gender = random.chance(0.515) ? .male : .female
            return Applicant(id: "202602" + String(repeating: "0", count: width - n.count) + n,
                             name: SyntheticPeople.name(surname: random.pick(SyntheticPeople.surnames), random: &random), gender: gender,
                             birthDate: SyntheticPeople.date(from: firstBirth, plusUpTo: 366, random: &random),
                             longitude: template.longitude, latitude: template.latitude, address: template.address,
                             residence: template.residence, categories: template.categories, permitMonths: template.permitMonths)
        }
        round.declined[.primary] = stride(from: 199, to: primary.count, by: 200).map { primary[$0].id }
        return round
    }
}
