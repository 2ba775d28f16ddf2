// swift-tools-version:6.0
//
// enroll — exam-free, zoned, lottery-based school admission (免试、划片、就近入学、随机派位).
// The toolchain is the only dependency: the whole trusted code of a public lottery is this
// repository.
import PackageDescription

let package = Package(
    name: "enroll",
    products: [
        .library(name: "Enrollment", targets: ["Enrollment"]),
        .executable(name: "enroll", targets: ["enroll-cli"]),
    ],
    targets: [
        .target(
            name: "Enrollment",
            path: "Sources/Enrollment"
        ),
        .executableTarget(
            name: "enroll-cli",
            dependencies: ["Enrollment"],
            path: "Sources/enroll-cli",
            plugins: ["CodeDigestPlugin"]
        ),
        // Computes the code identifier recorded in every manifest (docs/LOTTERY.md).
        .executableTarget(
            name: "enroll-code-digest",
            dependencies: ["Enrollment"],
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
            dependencies: ["Enrollment"],
            path: "Sources/enroll-bench"
        ),
        .testTarget(
            name: "EnrollmentTests",
            dependencies: ["Enrollment"],
            path: "Tests/EnrollmentTests",
            exclude: ["BadInputs", "RealMap"]
        ),
    ]
)
