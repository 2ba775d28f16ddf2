// The code of docs/LIBRARY.md, in the order the guide shows it.
//   swift run --package-path Examples/LibraryGuide LibraryGuide CASE RUN
// CASE is a case folder (the sample county: zones/sample-county/case), RUN a run folder to
// create (it must not exist yet).
import Enrollment
import Foundation

let arguments = CommandLine.arguments
guard arguments.count == 3 else {
    FileHandle.standardError.write(Data("usage: LibraryGuide CASE RUN\n".utf8))
    exit(2)
}
let caseFolder = URL(fileURLWithPath: arguments[1])
let runFolder = URL(fileURLWithPath: arguments[2])

// 1. A round in a few lines
let commitment = try Commitment(caseFolder: caseFolder)
let ceremony = try SeedCeremony([SeedContribution(label: "notary", value: "4921"),
                                 SeedContribution(label: "balls", value: "07 13 22 31 38")])
let code = CodeIdentifier.library  // the identifier of this library's code, computed by its build
let round = try AdmissionRound(caseFolder: caseFolder, commitment: commitment, seed: ceremony.seed,
                               runFolder: runFolder, code: code)
for level in [SchoolLevel.primary, .junior] {
    let placed = try round.place(level).summary
    print("\(level): \(placed.admitted) admitted, \(placed.reassigned) reassigned, \(placed.unplaced) unplaced")
    let classes = try round.formClasses(level).summary
    print("\(level): \(classes.classes) classes for \(classes.pupils) pupils")
}
let quota = try round.allocateQuotas().summary
print("\(quota.quotaSeats) quota seats, \(quota.admittedByQuota) admitted by quota")

// 2. Checking a run
let verified = try RunVerifier.verify(run: runFolder, code: code)
print(verified.report)

// 3. The matching engine alone
// Three students, two schools of one seat each. At school 0 student 1 has the better tier;
// at school 1 students 0 and 2 share a tier and the tie-break rank decides.
let instance = try MatchingInstance(capacities: [1, 1],
                                    preferences: [[0, 1], [0, 1], [1]],
                                    tiers: [[1, 1], [0, 1], [1]],
                                    tieRanks: [0, 1, 2])
let matching = DeferredAcceptance.match(instance)
precondition(MatchingAudit.audit(matching, in: instance, mechanism: .deferredAcceptance).isEmpty)
print((0..<3).map { matching.school(of: $0).map(String.init) ?? "none" })  // ["1", "0", "none"]

// 4. A lottery number by hand
let number = LotteryNumber(seed: ceremony.seed, draw: "junior-placement", studentID: "2026070001")
print(number.hex)  // = printf 'enroll-lottery/1\n%s\n%s\n%s' SEED junior-placement 2026070001 | sha256sum

// 5. Sharing out quota places
let shares = try Apportionment(seats: 10, bases: [Rational(120), Rational(90), Rational(40)],
                               method: .largestRemainder, tieBreakRanks: [2, 0, 1])
print(shares.shares.map(\.seats))  // [5, 4, 1]: quotas 4.8, 3.6, 1.6; the tie of .6 goes to rank 0
