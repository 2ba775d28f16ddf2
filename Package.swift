// swift-tools-version:6.0
//
// enroll — exam-free, zoned, lottery-based school admission (免试、划片、就近入学、随机派位).
// The toolchain is the only dependency: the whole trusted code of a public lottery is this
// repository.
//
// The library `Enrollment` (Sources/Enrollment) is built as layers, each a target whose
// imports the compiler checks, so that nothing refers upward:
//
//   EnrollmentSHA256Accelerated  SHA256Accelerated/  SHA-256's compression on the CPU's SHA extensions (C)
//   EnrollmentIO          IO/                CSV, JSON, text encodings, SHA-256, files and folders written atomically, locks
//   EnrollmentVocabulary  Vocabulary/        the words every layer uses: school levels and sectors, the rule for ids
//   EnrollmentZones       Zones/             attendance zones as maps and address lists, their geometry
//   EnrollmentCase        Case/              the case model: its files read into typed values and checked
//   EnrollmentEngines     Zoning/, Lottery/, Placement/, Classes/, Quota/
//                                            zoning, lottery, matching, classes, apportionment
//   EnrollmentRunFolder   RunFolder/         the run folder: the manifest and the steps it records, the commit
//                                            protocol, attempts, the code identifier
//   EnrollmentRound       Round/             a round's steps and AdmissionRound, which records them
//   EnrollmentAudit       Audit/             verify: every recorded step re-run and compared
//   EnrollmentPublishing  Publishing/        the public sites and the supervision report
//   Enrollment            Enrollment.swift   the library product: re-exports the layers
//
// Beside them, used only by the tools: EnrollmentCommandLine (CommandLine/, the argument
// parser) and EnrollmentSynthesis (Synthesis/, synthetic cases).
import PackageDescription

/// Every folder of Sources/Enrollment, and the file of the `Enrollment` target.
let libraryParts = ["SHA256Accelerated", "IO", "Vocabulary", "Zones", "Case", "Zoning", "Lottery", "Placement", "Classes", "Quota", "RunFolder", "Round", "Audit", "Publishing",
                    "CommandLine", "Synthesis", "Enrollment.swift"]

/// A target of Sources/Enrollment made of `parts` (folders, or the one file). No unsafe flags:
/// a package that depends on this one by version builds it as it is.
func library(_ name: String, _ parts: [String], dependencies: [Target.Dependency] = [], plugins: [Target.PluginUsage] = []) -> Target {
    .target(name: name, dependencies: dependencies, path: "Sources/Enrollment",
            exclude: libraryParts.filter { !parts.contains($0) }, sources: parts, plugins: plugins)
}

let package = Package(
    name: "enroll",
    products: [
        .library(name: "Enrollment", targets: ["Enrollment"]),
        .executable(name: "enroll", targets: ["enroll-cli"]),
    ],
    targets: [
        // SHA-256's compression on the CPU's SHA extensions, in C (per-function target attributes,
        // detected at run time; no flags): EnrollmentIO's SHA256 falls back to Swift without them.
        .target(name: "EnrollmentSHA256Accelerated", path: "Sources/Enrollment/SHA256Accelerated"),
        library("EnrollmentIO", ["IO"], dependencies: ["EnrollmentSHA256Accelerated"]),
        library("EnrollmentVocabulary", ["Vocabulary"], dependencies: ["EnrollmentIO"]),
        library("EnrollmentZones", ["Zones"], dependencies: ["EnrollmentIO", "EnrollmentVocabulary"]),
        library("EnrollmentCase", ["Case"], dependencies: ["EnrollmentIO", "EnrollmentVocabulary", "EnrollmentZones"]),
        library("EnrollmentEngines", ["Zoning", "Lottery", "Placement", "Classes", "Quota"], dependencies: ["EnrollmentIO", "EnrollmentVocabulary", "EnrollmentZones", "EnrollmentCase"]),
        library("EnrollmentRunFolder", ["RunFolder"], dependencies: ["EnrollmentIO", "EnrollmentVocabulary", "EnrollmentZones", "EnrollmentCase", "EnrollmentEngines"]),
        library("EnrollmentRound", ["Round"], dependencies: ["EnrollmentIO", "EnrollmentVocabulary", "EnrollmentZones", "EnrollmentCase", "EnrollmentEngines", "EnrollmentRunFolder"]),
        library("EnrollmentAudit", ["Audit"], dependencies: ["EnrollmentIO", "EnrollmentVocabulary", "EnrollmentZones", "EnrollmentCase", "EnrollmentEngines", "EnrollmentRunFolder", "EnrollmentRound"]),
        library("EnrollmentPublishing", ["Publishing"],
                dependencies: ["EnrollmentIO", "EnrollmentVocabulary", "EnrollmentZones", "EnrollmentCase", "EnrollmentEngines", "EnrollmentRunFolder", "EnrollmentRound"]),
        // Its build computes the code identifier of Sources/Enrollment (CodeIdentifier.library, docs/LOTTERY.md).
        library("Enrollment", ["Enrollment.swift"],
                dependencies: ["EnrollmentIO", "EnrollmentVocabulary", "EnrollmentZones", "EnrollmentCase", "EnrollmentEngines", "EnrollmentRunFolder", "EnrollmentRound", "EnrollmentAudit",
                               "EnrollmentPublishing"],
                plugins: ["CodeDigestPlugin"]),
        library("EnrollmentCommandLine", ["CommandLine"], dependencies: ["EnrollmentIO"]),
        library("EnrollmentSynthesis", ["Synthesis"], dependencies: ["EnrollmentIO", "EnrollmentVocabulary", "EnrollmentZones", "EnrollmentCase", "EnrollmentEngines"]),
        .executableTarget(
            name: "enroll-cli",
            dependencies: ["Enrollment", "EnrollmentCommandLine", "EnrollmentSynthesis"],
            path: "Sources/enroll-cli"
        ),
        // Computes the code identifier recorded in every manifest (docs/LOTTERY.md).
        .executableTarget(
            name: "enroll-code-digest",
            dependencies: ["EnrollmentIO", "EnrollmentRunFolder"],
            path: "Sources/enroll-code-digest"
        ),
        .plugin(
            name: "CodeDigestPlugin",
            capability: .buildTool(),
            dependencies: ["enroll-code-digest"],
            path: "Plugins/CodeDigestPlugin"
        ),
        .executableTarget(
            name: "enroll-bench",
            dependencies: ["Enrollment", "EnrollmentCommandLine", "EnrollmentSynthesis"],
            path: "Sources/enroll-bench"
        ),
        .testTarget(
            name: "EnrollmentTests",
            dependencies: ["Enrollment", "EnrollmentCommandLine", "EnrollmentSynthesis"],
            path: "Tests/EnrollmentTests",
            exclude: ["BadInputs", "RealMap", "Workbooks"]
        ),
    ]
)
