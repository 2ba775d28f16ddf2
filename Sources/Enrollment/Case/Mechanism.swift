/// The matching mechanisms a case can ask for (`policy.json` `mechanism`).
public enum Mechanism: String, CaseIterable, Hashable, Sendable {
    /// Student-proposing deferred acceptance (延迟接受): see `DeferredAcceptance`.
    case deferredAcceptance = "deferred-acceptance"
    /// Immediate acceptance, first choices first (志愿优先): see `ImmediateAcceptance`.
    case immediateAcceptance = "immediate-acceptance"
}
