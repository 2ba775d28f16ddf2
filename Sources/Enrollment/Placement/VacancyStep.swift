/// The `vacancies` step (`enroll vacancies`): applicants who decline their seat free it, and
/// the seats go down the published waitlists (候补递补) — each promotion frees a seat further
/// down, until the chain ends (`VacancyChain`). It never rewrites the first result: round n
/// writes `<level>/vacancies-<n>.csv`, computed from the original placement and every
/// withdrawal of rounds 1…n, which the manifest records as options (`withdrawn`, the sorted
/// student ids joined by `;`, and `round`), so `verify` repeats it from the manifest alone.
extension RunStepKind {
    public static let vacancies = RunStepKind(name: "vacancies", perform: { input in
        let (level, withdrawn, round) = try VacancyStep.options(input)
        let c = try input.loadCase()
        let run = try PlacementStep.run(c, level: level, seed: input.seed).run
        let result = VacancyStep.promote(run, withdrawn: withdrawn)
        return RunStepOutput(inputs: c.files, outputs: [(VacancyStep.fileName(level, round: round), VacancyStep.table(run, result, withdrawn: withdrawn))],
                             draws: [run.draw], counts: ["withdrawn": withdrawn.count, "promotions": result.moves.count,
                                                         "seats_left_empty": result.emptySeats.reduce(0, +)])
    }, invariants: { input, output in
        guard let (level, withdrawn, round) = try? VacancyStep.options(input), let c = try? input.loadCase(),
              let run = try? PlacementStep.run(c, level: level, seed: input.seed).run else { return ["the case or the options cannot be read"] }
        guard output.output(VacancyStep.fileName(level, round: round)) != nil else { return ["the vacancies file was not written"] }
        let result = VacancyStep.promote(run, withdrawn: withdrawn)
        return result.moves.compactMap { move in
            let better = move.from.map { from in run.instance.choiceRank(of: move.student, for: move.to).map { to in
                to < (run.instance.choiceRank(of: move.student, for: from) ?? Int.max) } ?? false } ?? true
            return better ? nil : "\(run.placements[move.student].studentID) was moved to a school they do not prefer"
        }
    })
}

/// The computation and file of the `vacancies` step.
public enum VacancyStep {
    static func fileName(_ level: SchoolLevel, round: Int) -> String { "\(level.rawValue)/vacancies-\(round).csv" }

    static func options(_ input: RunStepInput) throws -> (SchoolLevel, [String], Int) {
        var levelOnly = input
        levelOnly.options = input.options.filter { $0.key == "level" || $0.key == "encoding" }
        let level = try levelOnly.level(step: "vacancies")
        for key in input.options.keys.sorted() where !["level", "encoding", "withdrawn", "round"].contains(key) {
            throw RunStepError.unknownOption(step: "vacancies", option: key)
        }
        guard let text = input.options["round"], let round = Int(text), round >= 1 else {
            throw RunStepError.invalidOption(step: "vacancies", option: "round", value: input.options["round"] ?? "", expected: "a round number from 1")
        }
        let withdrawn = (input.options["withdrawn"] ?? "").split(separator: ";").map(String.init)
        return (level, withdrawn, round)
    }

    /// Frees the withdrawn applicants' seats and promotes down the waitlists.
    public static func promote(_ run: PlacementRun, withdrawn: [String]) -> VacancyChainResult {
        var index: [String: Int] = [:]
        for (i, p) in run.placements.enumerated() { index[p.studentID] = i }
        return VacancyChain.promote(withdrawn: withdrawn.compactMap { index[$0] }, from: run.matching,
                                    waitlists: Waitlist.waitlists(run.matching, in: run.instance), in: run.instance)
    }

    /// `vacancies-<n>.csv`: student_id, change (withdrawn | promoted), from_school, to_school,
    /// step (the order of the chain: withdrawals first, then promotions as made).
    public static func table(_ run: PlacementRun, _ result: VacancyChainResult, withdrawn: [String]) -> [UInt8] {
        var w = CSVWriter(header: ["step", "student_id", "change", "from_school", "to_school"])
        var step = 0
        for id in withdrawn {
            step += 1
            let from = run.placements.first { $0.studentID == id }?.schoolID ?? ""
            w.append([String(step), id, "withdrawn", from, ""])
        }
        for move in result.moves {
            step += 1
            w.append([String(step), run.placements[move.student].studentID, "promoted", move.from.map { run.schools[$0].id } ?? "", run.schools[move.to].id])
        }
        return w.bytes
    }
}
