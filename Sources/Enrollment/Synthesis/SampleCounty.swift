import Foundation

/// The sample county (样本县) of `zones/sample-county/`: the case `enroll demo` runs when it is
/// given none, made by the same generator, with the same parameters, as the committed copy
/// (its README gives the `enroll synth` command), so the demo needs nothing but the binary. A
/// test checks that what this writes is the committed copy, byte for byte.
package enum SampleCounty {
    /// `enroll synth --seed sample-county-2026 --applicants 2800 --junior-applicants 2650
    /// --graduates 2500 --primary-zones 4x3 --junior-zones 4 --multi-school-zones 1
    /// --private-junior-schools 1 --second-round-applicants 30`.
    package static var parameters: SyntheticCounty.Parameters {
        var p = SyntheticCounty.Parameters.scaled(seed: "sample-county-2026", applicants: 2800)
        (p.primaryColumns, p.primaryRows) = (4, 3)
        p.juniorApplicants = 2650
        p.graduates = 2500
        p.juniorZones = 4
        p.multiSchoolZones = 1
        p.privateJuniorSchools = 1
        p.secondRoundApplicants = 30
        return p
    }

    /// `notice.json` beside the case (outside it, so not part of the commitment): the notice the
    /// demonstration's sites show.
    package static let notice = """
        {
          "round": "2026年城关县义务教育学校招生",
          "publication_start": "2026-07-20",
          "publication_end": "2026-07-26",
          "office": "城关县教育局招生监督室",
          "telephone": "0371-6880 1234",
          "appeal": "对公示结果有异议的,请在公示期内由监护人携带户口簿和身份证到城关县教育局招生办公室(行政中心3楼)提交书面申诉,或拨打监督电话。教育局在收到申诉后5个工作日内书面答复。"
        }

        """

    /// Writes the case into `folder` (every file atomically).
    /// - Complexity: that of `SyntheticCounty` at about 3,000 applicants a level (well under a second).
    package static func writeCase(to folder: URL) throws {
        _ = try CaseWriter.write(SyntheticCounty(parameters: parameters), to: folder)
    }
}
