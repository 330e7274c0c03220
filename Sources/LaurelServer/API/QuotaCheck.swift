import LaurelDomain
import LaurelStore

/// A unit's ordered proposal list judged against the quota in force there: the engine's
/// `QuotaVerdict` with people as their ids, and where the quota is set. Shared by the API and the
/// unit check page, so both say the same.
struct QuotaCheck: APIResponseBody {
    let code: String
    let year: Int
    let unitId: Int64
    let unitName: String
    /// The unit whose setting applies (the unit itself or its nearest ancestor with one).
    let setAtUnitId: Int64
    let setAtUnitName: String
    let baseCode: String
    /// Members of the unit who hold `baseCode` in the year or are eligible for it.
    let baseCount: Int
    let percent: Int
    /// ⌊percent × baseCount / 100⌋.
    let cap: Int
    /// As proposed, in the unit's order.
    let proposed: [Int64]
    /// Proposed but not eligible for the code: they take no place.
    let ineligible: [Int64]
    let withinQuota: [Int64]
    let overQuota: [Int64]
    let exceeded: Bool
    let detail: String

    /// `members` are the histories of the people directly in the unit (ids "p-<person id>").
    static func judge(
        _ setting: QuotaSetting, unitId: Int64, unitName: String, members: [SubjectHistory], proposals: [Int64], year: Int,
        engine: EligibilityEngine
    ) -> QuotaCheck {
        let unit = SubjectHistory(id: "u-\(unitId)", kind: .collective, members: members, memberCount: members.count)
        let verdict = engine.judgeQuota(setting.quota, unit: unit, proposals: proposals.map { "p-\($0)" }, year: year)
        func ids(_ list: [String]) -> [Int64] { list.compactMap { Int64($0.dropFirst(2)) } }
        // Judged again on plain ids and the unit's name, only so that the detail reads well.
        let plain = setting.quota.judge(
            proposals: proposals.map(String.init), baseCount: verdict.baseCount, year: year, unit: unitName,
            ineligible: Set(ids(verdict.ineligible).map(String.init)))
        return QuotaCheck(
            code: setting.code, year: year, unitId: unitId, unitName: unitName, setAtUnitId: setting.unitId,
            setAtUnitName: setting.unitName,
            baseCode: verdict.baseCode, baseCount: verdict.baseCount, percent: verdict.percent, cap: verdict.cap,
            proposed: proposals, ineligible: ids(verdict.ineligible), withinQuota: ids(verdict.withinQuota),
            overQuota: ids(verdict.overQuota),
            exceeded: verdict.exceeded, detail: plain.detail)
    }
}
