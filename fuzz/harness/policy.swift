import Enrollment

/// The `policy.json` reader. Invariants: every diagnostic points inside the input; a policy
/// read without problems, rendered and read again, is the same policy, without problems.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzPolicy(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let bytes = inputBytes(data, size)
    let (policy, diagnostics) = PolicyFile.read(bytes, file: PolicyFile.fileName)
    checkLocations(diagnostics, file: PolicyFile.fileName, within: .text(bytes))
    guard diagnostics.isEmpty else { return 0 }
    let (again, problems) = PolicyFile.read(PolicyFile.render(policy), file: PolicyFile.fileName)
    require(problems.isEmpty, "the rendered policy has problems: \(problems)")
    require(again == policy, "the policy changed when rendered and read again")
    return 0
}
