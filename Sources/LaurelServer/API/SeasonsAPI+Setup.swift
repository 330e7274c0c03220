import Foundation
import LaurelDomain

/// The checks of a season's set-up bodies (covenant, targets, conference), shared by the API
/// handlers and the set-up page: every field problem at once, nothing written when one is found.
extension SeasonsAPI {
    struct CovenantChange: Sendable {
        let rulesText: String, covenantText: String, signedOn: CalendarDate?, signedUnitIds: [Int64]
    }

    static func covenantChange(_ body: CovenantRequest) throws -> CovenantChange {
        var errors: [DomainError] = []
        let rules = ClustersAPI.paragraphs(body.rulesText, field: "rulesText", max: 20_000, into: &errors)
        let text = ClustersAPI.paragraphs(body.covenantText, field: "covenantText", max: 20_000, into: &errors)
        var signedOn: CalendarDate?
        if let raw = body.signedOn { signedOn = MovementsAPI.date(raw, field: "signedOn", into: &errors) }
        guard errors.isEmpty else { throw ValidationErrors(errors) }
        return CovenantChange(
            rulesText: rules, covenantText: text, signedOn: signedOn, signedUnitIds: Array(Set(body.signedUnitIds ?? [])).sorted())
    }

    /// A member's targets; each problem is named `targets.<index>.<field>`.
    static func registeredTargets(_ body: TargetsRequest, unitId: Int64) throws -> [RegisteredTarget] {
        var errors: [DomainError] = []
        var targets: [RegisteredTarget] = []
        var codes = Set<String>()
        for (index, item) in (body.targets ?? []).enumerated() {
            let field = "targets.\(index)."
            let code = Validate.code(item.code, field: field + "code", into: &errors)
            let title = Validate.name(item.title, field: field + "title", into: &errors)
            let measure = Validate.optionalText(item.measure, field: field + "measure", max: 40, into: &errors) ?? ""
            let direction = Validate.choice(
                item.direction ?? "at_least", as: RegisteredTarget.Direction.self, field: field + "direction", into: &errors)
            if !code.isEmpty, !codes.insert(code).inserted {
                errors.append(.invalid("error.season_duplicate_target", field: field + "code", code))
            }
            guard let planned = item.planned else {
                errors.append(.invalid("error.required", field: field + "planned"))
                continue
            }
            if let direction {
                targets.append(
                    RegisteredTarget(
                        unitId: unitId, code: code, title: title, measure: measure, planned: planned, actual: item.actual,
                        direction: direction))
            }
        }
        guard errors.isEmpty else { throw ValidationErrors(errors) }
        return targets
    }

    struct ConferenceChange: Sendable {
        let date: CalendarDate
        let venue: String
        let attendance: String
    }

    static func conferenceChange(_ body: ConferenceRequest) throws -> ConferenceChange {
        var errors: [DomainError] = []
        let date = MovementsAPI.date(body.date, field: "date", into: &errors)
        let venue = Validate.optionalText(body.venue, field: "venue", max: 500, into: &errors) ?? ""
        let attendance = ClustersAPI.paragraphs(body.attendance, field: "attendance", max: 5000, into: &errors)
        guard errors.isEmpty, let date else { throw ValidationErrors(errors) }
        return ConferenceChange(date: date, venue: venue, attendance: attendance)
    }
}
