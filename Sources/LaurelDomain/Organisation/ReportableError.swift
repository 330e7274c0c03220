/// A rule's refusal that states, beside the rule, how it is reported: the localised key, the kind
/// (invalid, conflict, forbidden) and the field of the request at fault. Each domain error type says
/// this once; the store's transactions and the API's error middleware both read it, so no layer
/// keeps a copy of the mapping.
public protocol ReportableError: Error {
    /// One `DomainError`, or `ValidationErrors` when the refusal lists several problems.
    var reported: any Error { get }
}
