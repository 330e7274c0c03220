/// Turns the raw input into `SubjectHistory` values and check requests, collecting every
/// problem (subject, field, message) rather than stopping at the first.
struct CheckInputValidator {
    let catalogue: AwardCatalogue
    let yearOverride: Int?
    var problems: [CheckInputProblem] = []

    static let years = 1900...2200

    init(catalogue: AwardCatalogue, yearOverride: Int?) {
        self.catalogue = catalogue
        self.yearOverride = yearOverride
    }

    mutating func validate(_ input: CheckInputRaw.Input) -> [CheckInput.Item] {
        if let year = yearOverride, !Self.years.contains(year) {
            report(nil, "year", "\(year) is outside \(Self.years.lowerBound)…\(Self.years.upperBound)")
        }
        guard let rawSubjects = input.subjects else {
            report(nil, "subjects", "missing")
            return []
        }
        let topChecks = (input.check ?? []).enumerated().compactMap { index, check in
            request(check, field: "check[\(index)]", subject: nil)
        }
        var seen: Set<String> = []
        var items: [CheckInput.Item] = []
        for (index, raw) in rawSubjects.enumerated() {
            let label = raw.id ?? "subjects[\(index)]"
            if let id = raw.id, !seen.insert(id).inserted { report(label, "id", "duplicate subject id") }
            let parsed = subject(raw, label: label, prefix: "", asMember: false)
            let own = (raw.check ?? []).enumerated().compactMap { i, check in
                request(check, field: "check[\(i)]", subject: label)
            }
            guard let subject = parsed else { continue }
            let applicable = topChecks.filter { catalogue.entry(for: $0.code)?.isFor(subject.kind) ?? false }
            var requests = applicable + own
            if input.check == nil && raw.check == nil {
                guard let year = yearOverride ?? subject.lastYear else {
                    report(label, "years", "no record to take the year to check from; give check or a year")
                    continue
                }
                requests = catalogue.codes(for: subject.kind).map { CheckInput.Request(code: $0, year: year) }
            }
            var unique: [CheckInput.Request] = []
            for request in requests where !unique.contains(where: { $0.code == request.code && $0.year == request.year }) {
                unique.append(request)
            }
            items.append(CheckInput.Item(subject: subject, requests: unique))
        }
        return items
    }

    private mutating func report(_ subject: String?, _ field: String, _ message: String) {
        problems.append(CheckInputProblem(subject: subject, field: field, message: message))
    }

    private mutating func code(_ value: String?, _ subject: String?, _ field: String) -> String? {
        guard let value else {
            report(subject, field, "missing")
            return nil
        }
        guard catalogue.entry(for: value) != nil else {
            report(subject, field, "unknown code \"\(value)\"")
            return nil
        }
        return value
    }

    private mutating func value<T: RawRepresentable<String>>(
        _ text: String?, _ type: T.Type, _ what: String, _ subject: String?, _ field: String, required: Bool = true
    ) -> T? {
        guard let text else {
            if required { report(subject, field, "missing") }
            return nil
        }
        guard let value = T(rawValue: text) else {
            report(subject, field, "unknown \(what) \"\(text)\"")
            return nil
        }
        return value
    }

    private mutating func year(_ value: Int?, _ subject: String?, _ field: String) -> Int? {
        guard let value else {
            report(subject, field, "missing")
            return nil
        }
        guard Self.years.contains(value) else {
            report(subject, field, "\(value) is outside \(Self.years.lowerBound)…\(Self.years.upperBound)")
            return nil
        }
        return value
    }

    private mutating func request(_ raw: CheckInputRaw.Check, field: String, subject: String?) -> CheckInput.Request? {
        let code = code(raw.code, subject, field + ".code")
        let year = yearOverride ?? year(raw.year, subject, field + ".year")
        var date: CalendarDate?
        if let text = raw.decisionDate {
            date = CalendarDate(text)
            if date == nil { report(subject, field + ".decisionDate", "\"\(text)\" is not a date YYYY-MM-DD") }
        }
        guard let code, let year, raw.decisionDate == nil || date != nil else { return nil }
        return CheckInput.Request(code: code, year: year, decisionDate: date)
    }

    private mutating func subject(
        _ raw: CheckInputRaw.Subject, label: String, prefix: String, asMember: Bool
    ) -> SubjectHistory? {
        let before = problems.count
        if raw.id?.isEmpty ?? true { report(label, prefix + "id", "missing") }
        let kind = value(raw.kind, SubjectKind.self, "kind", label, prefix + "kind")
        if asMember, let kind, kind != .individual { report(label, prefix + "kind", "a member must be an individual") }
        let staff = value(raw.staffCategory, StaffCategory.self, "staff category", label, prefix + "staffCategory", required: false)
        var years: [SubjectHistory.Year] = []
        var seenYears: Set<Int> = []
        for (index, rawYear) in (raw.years ?? []).enumerated() {
            let field = prefix + "years[\(index)]"
            let y = year(rawYear.year, label, field + ".year")
            if let y, !seenYears.insert(y).inserted { report(label, field + ".year", "duplicate year \(y)") }
            let rating = value(rawYear.rating, Rating.self, "rating", label, field + ".rating")
            let discipline = value(rawYear.discipline, Discipline.self, "discipline", label, field + ".discipline", required: false)
            var initiatives: [SubjectHistory.Initiative] = []
            for (i, initiative) in (rawYear.initiatives ?? []).enumerated() {
                let level = value(initiative.level, InitiativeLevel.self, "initiative level", label, field + ".initiatives[\(i)].level")
                var usedFor: String?
                if initiative.usedFor != nil { usedFor = code(initiative.usedFor, label, field + ".initiatives[\(i)].usedFor") }
                if let level { initiatives.append(.init(id: initiative.id, level: level, usedFor: usedFor)) }
            }
            if let y, let rating { years.append(.init(year: y, rating: rating, discipline: discipline, initiatives: initiatives)) }
        }
        var awards: [SubjectHistory.Award] = []
        for (index, rawAward) in (raw.awards ?? []).enumerated() {
            let field = prefix + "awards[\(index)]"
            let code = code(rawAward.code, label, field + ".code")
            let y = year(rawAward.year, label, field + ".year")
            let status =
                rawAward.status == nil
                ? .valid
                : value(rawAward.status, AwardStatus.self, "status", label, field + ".status")
            let kind = rawAward.kind == nil ? .merit : value(rawAward.kind, AwardKind.self, "award kind", label, field + ".kind")
            if let code, let y, let status, let kind {
                awards.append(.init(code: code, year: y, status: status, kind: kind, decisionNumber: rawAward.decisionNumber))
            }
        }
        var members: [SubjectHistory] = []
        if let rawMembers = raw.members {
            if kind != nil && kind != .collective { report(label, prefix + "members", "only a collective has members") }
            var memberIDs: Set<String> = []
            for (index, rawMember) in rawMembers.enumerated() {
                let field = prefix + "members[\(index)]."
                if let id = rawMember.id, !memberIDs.insert(id).inserted { report(label, field + "id", "duplicate member id") }
                if let member = subject(rawMember, label: label, prefix: field, asMember: true) { members.append(member) }
            }
        }
        if let count = raw.memberCount {
            if kind != nil && kind != .collective { report(label, prefix + "memberCount", "only a collective has members") }
            if count < (raw.members?.count ?? 0) {
                report(label, prefix + "memberCount", "\(count) is less than the \(raw.members?.count ?? 0) members listed")
            }
        }
        guard problems.count == before, let id = raw.id, let kind else { return nil }
        return SubjectHistory(
            id: id, kind: kind, staffCategory: staff, holdsManagementPost: raw.holdsManagementPost ?? false,
            years: years.sorted { $0.year < $1.year }, awards: awards, members: members, memberCount: raw.memberCount)
    }
}
