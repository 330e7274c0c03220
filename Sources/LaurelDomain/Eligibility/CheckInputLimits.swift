/// Bounds on one check request, so that the work and the answer of a request stay bounded
/// whatever is sent. The command line checks files without bounds; the API sets them.
public struct CheckInputLimits: Hashable, Sendable {
    public var maxSubjects: Int
    /// Years of record of one subject, and separately its awards.
    public var maxRecordsPerSubject: Int
    /// Members of all collectives together.
    public var maxMembers: Int
    /// Verdicts asked for: every subject's checks, the default "every code" ones included.
    public var maxChecks: Int

    public init(maxSubjects: Int, maxRecordsPerSubject: Int, maxMembers: Int, maxChecks: Int) {
        self.maxSubjects = maxSubjects
        self.maxRecordsPerSubject = maxRecordsPerSubject
        self.maxMembers = maxMembers
        self.maxChecks = maxChecks
    }

    public static let none = CheckInputLimits(maxSubjects: .max, maxRecordsPerSubject: .max, maxMembers: .max, maxChecks: .max)

    /// Which bound a request passed, and by how much.
    public enum Exceeded: Hashable, Sendable {
        case subjects(limit: Int, given: Int)
        case records(limit: Int, subject: String, given: Int)
        case members(limit: Int, given: Int)
        case checks(limit: Int, given: Int)
    }

    /// Counted on the input as written, before any validation is spent on it.
    func exceeded(by input: CheckInputRaw.Input) -> Exceeded? {
        let subjects = input.subjects ?? []
        if subjects.count > maxSubjects { return .subjects(limit: maxSubjects, given: subjects.count) }
        var members = 0
        for (index, subject) in subjects.enumerated() {
            let records = max(subject.years?.count ?? 0, subject.awards?.count ?? 0)
            if records > maxRecordsPerSubject {
                return .records(limit: maxRecordsPerSubject, subject: subject.id ?? "subjects[\(index)]", given: records)
            }
            members += subject.members?.count ?? 0
            for member in subject.members ?? [] {
                let records = max(member.years?.count ?? 0, member.awards?.count ?? 0)
                if records > maxRecordsPerSubject {
                    return .records(limit: maxRecordsPerSubject, subject: member.id ?? "subjects[\(index)].members", given: records)
                }
            }
        }
        if members > maxMembers { return .members(limit: maxMembers, given: members) }
        return nil
    }
}
