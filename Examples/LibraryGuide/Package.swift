// swift-tools-version:6.0
//
// The code of docs/LIBRARY.md as a program outside the enroll package: it sees only what
// `import Enrollment` makes public, so the guide cannot use anything else, and `.ci/run`
// builds and runs it so the guide cannot go stale. (A test checks that every code block of
// the guide is in main.swift, word for word.)
import PackageDescription

let package = Package(
    name: "LibraryGuide",
    dependencies: [.package(name: "enroll", path: "../..")],
    targets: [
        .executableTarget(name: "LibraryGuide", dependencies: [.product(name: "Enrollment", package: "enroll")]),
    ]
)
