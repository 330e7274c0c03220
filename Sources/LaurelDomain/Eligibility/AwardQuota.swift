/// A cap an organisation may set on a title (none by law since 2024; e.g. CSTDCS at most 15 %
/// of the unit's LDTT, as Decree 91/2017 did). Off unless configured.
public struct AwardQuota: Hashable, Sendable, Codable {
    /// The capped code (CSTDCS).
    public var code: String
    /// The cap as a share of `ofCode`'s count, in percent; the cap is rounded down.
    public var percent: Int
    /// The code whose holders in the unit form the base (LDTT).
    public var ofCode: String
    /// The unit the quota belongs to; nil for every unit.
    public var unitID: String?

    public init(code: String, percent: Int, ofCode: String, unitID: String? = nil) {
        self.code = code
        self.percent = percent
        self.ofCode = ofCode
        self.unitID = unitID
    }

    /// The cap for a base count: ⌊percent × base / 100⌋.
    public func cap(forBase base: Int) -> Int { max(0, percent * base / 100) }

    /// Who fits inside the cap, taking eligible proposals in the unit's own order.
    public func judge(
        proposals: [String], baseCount: Int, year: Int, unit: String, ineligible: Set<String> = []
    ) -> QuotaVerdict {
        let cap = cap(forBase: baseCount)
        let eligible = proposals.filter { !ineligible.contains($0) }
        let within = Array(eligible.prefix(cap))
        let over = Array(eligible.dropFirst(cap))
        var detail =
            "\(code) quota of \(unit) for \(year): \(percent) % of \(baseCount) \(ofCode) = \(cap); "
            + "\(eligible.count) eligible proposed"
        detail += over.isEmpty ? ", within the quota" : "; exceeds it by \(over.count): " + over.joined(separator: ", ")
        let rejected = proposals.filter { ineligible.contains($0) }
        if !rejected.isEmpty { detail += "; not eligible: " + rejected.joined(separator: ", ") }
        return QuotaVerdict(
            code: code, year: year, unit: unit, baseCode: ofCode, baseCount: baseCount, percent: percent, cap: cap,
            proposed: proposals, ineligible: rejected, withinQuota: within, overQuota: over,
            exceeded: !over.isEmpty, detail: detail)
    }
}

/// The answer for a proposal list against a quota.
public struct QuotaVerdict: Hashable, Sendable, Codable {
    public var code: String
    public var year: Int
    public var unit: String
    public var baseCode: String
    public var baseCount: Int
    public var percent: Int
    public var cap: Int
    /// As proposed, in the unit's order.
    public var proposed: [String]
    /// Proposed but not eligible for the code (they take no place in the quota).
    public var ineligible: [String]
    public var withinQuota: [String]
    public var overQuota: [String]
    /// The list has more eligible people than the cap.
    public var exceeded: Bool
    public var detail: String
}

extension EligibilityEngine {
    /// Judges a unit's ordered proposal list for `quota.code` against the quota: the base is the
    /// number of members who hold `quota.ofCode` in `year` or are eligible for it; proposals
    /// that are not members or not eligible are set aside.
    public func judgeQuota(_ quota: AwardQuota, unit: SubjectHistory, proposals: [String], year: Int) -> QuotaVerdict {
        let members = Dictionary(unit.members.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        let base = unit.members.filter { member in
            member.awards.contains { $0.code == quota.ofCode && $0.year == year && $0.feedsChains }
                || isEligible(member, code: quota.ofCode, year: year)
        }.count
        let ineligible = Set(
            proposals.filter { id in
                guard let member = members[id] else { return true }
                return !isEligible(member, code: quota.code, year: year)
            })
        return quota.judge(proposals: proposals, baseCount: base, year: year, unit: unit.id, ineligible: ineligible)
    }

    /// The quotas of the settings that apply to `code` in `unitID`.
    public func quotas(for code: String, unitID: String) -> [AwardQuota] {
        settings.quotas.filter { $0.code == code && ($0.unitID == nil || $0.unitID == unitID) }
    }
}

extension AwardQuota {
    /// The percent a quota may set.
    public static let percentRange = 1...100

    /// A quota as an organisation may set it, checked against the catalogue: both codes are titles
    /// or forms for individuals (the engine counts a unit's people, for the base and for the
    /// proposals), they differ, and the percent is 1…100. Every fault is reported at once, by field.
    public init(validating code: String?, percent: Int?, ofCode: String?, catalogue: AwardCatalogue) throws(ValidationErrors) {
        var errors: [DomainError] = []
        func check(_ value: String?, field: String) -> String? {
            guard let value, !value.isEmpty else {
                errors.append(.invalid("error.required", field: field))
                return nil
            }
            guard let entry = catalogue.entry(for: value) else {
                errors.append(.invalid("error.unknown_award_code", field: field, value))
                return nil
            }
            guard entry.isFor(.individual) else {
                errors.append(.invalid("error.quota_individual_only", field: field, value))
                return nil
            }
            return entry.code
        }
        let code = check(code, field: "code")
        let ofCode = check(ofCode, field: "ofCode")
        if let code, let ofCode, code == ofCode { errors.append(.invalid("error.quota_same_code", field: "ofCode", code)) }
        if let percent {
            if !Self.percentRange.contains(percent) {
                errors.append(.invalid("error.quota_percent_range", field: "percent", String(percent)))
            }
        } else {
            errors.append(.invalid("error.required", field: "percent"))
        }
        guard errors.isEmpty, let code, let ofCode, let percent else { throw ValidationErrors(errors) }
        self.init(code: code, percent: percent, ofCode: ofCode)
    }

    /// Checks this quota as `init(validating:…)` does; the unit it belongs to is not part of it.
    public func validate(in catalogue: AwardCatalogue) throws(ValidationErrors) {
        _ = try AwardQuota(validating: code, percent: percent, ofCode: ofCode, catalogue: catalogue)
    }
}
