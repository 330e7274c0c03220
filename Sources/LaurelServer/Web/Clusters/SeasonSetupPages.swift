import Foundation
import Hummingbird
import LaurelDomain
import LaurelStore

/// A season's set-up (`/seasons/{id}/setup`): the operating rules and the covenant with who
/// signed it, each member's registered targets with "N of M met", and the summary conference.
/// The checks are `SeasonsAPI`'s; who may change what is the store's (covenant and conference:
/// the organiser's writers or the leader's officers; targets: the member's own officers or the
/// organiser's writers), and the page only hides the forms nobody would accept.
struct SeasonSetupPages {
    let seasons: SeasonStore
    let pages: PageRenderer

    static let emptyTargetRows = 3
    static let targetNames = ["code", "title", "measure", "planned", "actual", "direction"]

    func register(on routes: SignedInRoutes) {
        routes.browse.get("seasons/{id}/setup", use: show)
        routes.write.post("seasons/{id}/setup/covenant", use: covenant)
        routes.write.post("seasons/{id}/setup/targets/{unitId}", use: targets)
        routes.write.post("seasons/{id}/setup/conference", use: conference)
    }

    /// The form that was refused, so that the page comes back with what was typed and the messages.
    enum Refused {
        case covenant(FormData, FormRefusal)
        case targets(Int64, FormData, FormRows, FormRefusal)
        case conference(FormData, FormRefusal)
    }

    struct Signer {
        let id: Int64
        let name: String
        let signed: Bool
    }
    struct TargetRow {
        let prefix: String
        let code: Field
        let title: Field
        let measure: Field
        let planned: Field
        let actual: Field
        let directions: [Option]
        let directionError: String?
        let met: Bool
    }
    struct MemberTargets {
        let unitId: Int64
        let name: String
        let summary: String
        let editable: Bool
        let rows: [TargetRow]
        let rowCount: Int
        let hasRows: Bool
        let otherErrors: [String]
    }
    struct Content {
        let season: SeasonRecord
        let tabSetup = true
        let open: Bool
        let canPreside: Bool
        let rulesText: Field
        let covenantText: Field
        let signedOn: Field
        let signers: [Signer]
        let covenantErrors: [String]
        let members: [MemberTargets]
        let conferenceOn: Field
        let venue: Field
        let attendance: Field
        let conferenceErrors: [String]
        let flash: String?
    }

    func render(
        _ id: Int64, identity: Identity, context: some SignedInRequestContext, refused: Refused? = nil, flash: String? = nil
    ) async throws -> Response {
        // The store's rule (SeasonPolicy), asked only to hide forms; the store decides on every write.
        let (season, policy) = try await seasons.getWithPolicy(id, as: identity)
        let canPreside = policy.mayPreside
        let open = season.status == .open

        var covenantForm: FormData?
        var covenantRefusal = FormRefusal.none
        var conferenceForm: FormData?
        var conferenceRefusal = FormRefusal.none
        var targetsRefused: (unit: Int64, rows: FormRows, refusal: FormRefusal)?
        switch refused {
        case .covenant(let form, let refusal): (covenantForm, covenantRefusal) = (form, refusal)
        case .conference(let form, let refusal): (conferenceForm, conferenceRefusal) = (form, refusal)
        case .targets(let unit, _, let rows, let refusal): targetsRefused = (unit, rows, refusal)
        case nil: break
        }
        func field(_ form: FormData?, _ name: String, _ stored: String?, _ refusal: FormRefusal) -> Field {
            Field(value: form.map { $0[name] ?? "" } ?? stored ?? "", error: refusal.message(name, pages, context))
        }
        let signed =
            covenantForm.map { Set(($0.values["signedUnitIds"] ?? []).compactMap { Int64($0) }) }
            ?? Set(season.members.filter(\.signedCovenant).map(\.unitId))

        let members = season.members.map { member in
            let editable = open && policy.mayRegisterTargets(for: member.unitId)
            let refusal = targetsRefused?.unit == member.unitId ? targetsRefused : nil
            let stored = season.targets.filter { $0.unitId == member.unitId }
            var rows: [TargetRow]
            if let refusal {
                rows = targetRows(refusal.rows.values, kept: refusal.rows.kept, refusal: refusal.refusal, stored: [], context: context)
            } else {
                let values =
                    stored.map {
                        [
                            "code": $0.code, "title": $0.title, "measure": $0.measure, "planned": "\($0.planned)",
                            "actual": $0.actual.map { "\($0)" } ?? "", "direction": $0.direction.rawValue,
                        ]
                    } + (editable ? Array(repeating: [:], count: Self.emptyTargetRows) : [])
                rows = targetRows(values, kept: nil, refusal: .none, stored: stored, context: context)
            }
            return MemberTargets(
                unitId: member.unitId, name: member.unitName,
                summary: pages.t("season_targets_met", context, [String(member.targets.met), String(member.targets.total)]),
                editable: editable, rows: rows, rowCount: rows.count, hasRows: !rows.isEmpty,
                otherErrors: refusal?.refusal.others(shown: Self.isTargetField, pages, context) ?? [])
        }
        let content = Content(
            season: season, open: open, canPreside: canPreside,
            rulesText: field(covenantForm, "rulesText", season.rulesText, covenantRefusal),
            covenantText: field(covenantForm, "covenantText", season.covenantText, covenantRefusal),
            signedOn: field(covenantForm, "signedOn", season.covenantSignedOn, covenantRefusal),
            signers: season.members.map { Signer(id: $0.unitId, name: $0.unitName, signed: signed.contains($0.unitId)) },
            covenantErrors: covenantRefusal.others(shown: { ["rulesText", "covenantText", "signedOn"].contains($0) }, pages, context),
            members: members,
            conferenceOn: field(conferenceForm, "date", season.conferenceOn, conferenceRefusal),
            venue: field(conferenceForm, "venue", season.conferenceVenue, conferenceRefusal),
            attendance: field(conferenceForm, "attendance", season.conferenceAttendance, conferenceRefusal),
            conferenceErrors: conferenceRefusal.others(shown: { ["date", "venue", "attendance"].contains($0) }, pages, context),
            flash: flash)
        let status = [covenantRefusal.status, conferenceRefusal.status, targetsRefused?.refusal.status ?? .ok].first { $0 != .ok } ?? .ok
        return try pages.html(
            "season_setup", title: "\(season.clusterName) · \(season.year)", nav: "clusters", content: content, context: context,
            status: status)
    }

    static func isTargetField(_ field: String) -> Bool {
        let parts = field.split(separator: ".")
        return parts.count == 3 && parts[0] == "targets" && Int(parts[1]) != nil && targetNames.contains(String(parts[2]))
    }

    func targetRows(
        _ values: [[String: String]], kept: [Int]?, refusal: FormRefusal, stored: [RegisteredTarget], context: some SignedInRequestContext
    ) -> [TargetRow] {
        values.enumerated().map { row, line in
            let index = kept.map { $0.firstIndex(of: row) } ?? row
            func field(_ name: String) -> Field {
                Field(value: line[name] ?? "", error: index.flatMap { refusal.message("targets.\($0).\(name)", pages, context) })
            }
            let direction = line["direction"].flatMap { $0.isEmpty ? nil : $0 } ?? RegisteredTarget.Direction.atLeast.rawValue
            return TargetRow(
                prefix: "t\(row)_", code: field("code"), title: field("title"), measure: field("measure"), planned: field("planned"),
                actual: field("actual"),
                directions: ["at_least", "at_most"].map {
                    Option(value: $0, label: pages.t("target_direction_\($0)", context), selected: direction == $0)
                },
                directionError: field("direction").error, met: row < stored.count && stored[row].isMet)
        }
    }

    func show(_ request: Request, context: BrowseContext) async throws -> Response {
        let identity = context.identity
        let id = try context.pathId("id", notFound: "error.season_not_found")
        return try await render(
            id, identity: identity, context: context, flash: request.query("done").map { _ in pages.t("season_saved", context) })
    }

    /// Runs one write; a refusal brings the page back with the form as typed.
    func attempt(
        _ request: Request, context: WriteContext, refused: (FormData, FormRefusal) -> Refused,
        _ body: (Identity, Int64, FormData) async throws -> Void
    ) async throws -> Response {
        let identity = context.identity
        let id = try context.pathId("id", notFound: "error.season_not_found")
        let form = try await FormData.read(request, context: context)
        do {
            try await body(identity, id, form)
            return .redirect(to: "/seasons/\(id)/setup?done=1", type: .normal)
        } catch {
            let refusal = try FormRefusal(error)
            return try await render(
                id, identity: identity, context: context, refused: refused(form, refusal), flash: refusal.flash(pages, context))
        }
    }

    func covenant(_ request: Request, context: WriteContext) async throws -> Response {
        try await attempt(request, context: context, refused: { .covenant($0, $1) }) { identity, id, form in
            let body = SeasonsAPI.CovenantRequest(
                rulesText: form["rulesText"], covenantText: form["covenantText"],
                signedOn: form["signedOn"].flatMap { $0.trimmingCharacters(in: .whitespaces).isEmpty ? nil : $0 },
                signedUnitIds: (form.values["signedUnitIds"] ?? []).compactMap { Int64($0) })
            let change = try SeasonsAPI.covenantChange(body)
            _ = try await seasons.updateCovenant(
                id, rulesText: change.rulesText, covenantText: change.covenantText, signedOn: change.signedOn,
                signedUnitIds: change.signedUnitIds, as: identity)
        }
    }

    func targets(_ request: Request, context: WriteContext) async throws -> Response {
        let unit = try context.pathId("unitId", notFound: "error.unit_not_found")
        return try await attempt(
            request, context: context,
            refused: { form, refusal in
                .targets(unit, form, FormRows(form, prefix: "t", names: Self.targetNames, selects: ["direction"]), refusal)
            }
        ) { identity, id, form in
            let rows = FormRows(form, prefix: "t", names: Self.targetNames, selects: ["direction"])
            var errors: [DomainError] = []
            let items = rows.kept.enumerated().map { index, row in
                let line = rows.values[row]
                func number(_ name: String) -> Decimal? {
                    let raw = line[name] ?? ""
                    let value = FormNumber.decimal(raw)
                    if !raw.isEmpty, value == nil { errors.append(.invalid("error.wrong_type", field: "targets.\(index).\(name)")) }
                    return value
                }
                return SeasonsAPI.TargetsRequest.Target(
                    code: line["code"], title: line["title"], measure: line["measure"], planned: number("planned"),
                    actual: number("actual"), direction: line["direction"].flatMap { $0.isEmpty ? nil : $0 })
            }
            do { _ = try SeasonsAPI.registeredTargets(SeasonsAPI.TargetsRequest(targets: items), unitId: unit) } catch let refused
                as ValidationErrors
            {
                errors += refused.errors.filter { error in !errors.contains { $0.field == error.field } }
            }
            guard errors.isEmpty else { throw ValidationErrors(errors) }
            let targets = try SeasonsAPI.registeredTargets(SeasonsAPI.TargetsRequest(targets: items), unitId: unit)
            _ = try await seasons.setTargets(id, unitId: unit, targets: targets, as: identity)
        }
    }

    func conference(_ request: Request, context: WriteContext) async throws -> Response {
        try await attempt(request, context: context, refused: { .conference($0, $1) }) { identity, id, form in
            let change = try SeasonsAPI.conferenceChange(
                SeasonsAPI.ConferenceRequest(date: form["date"], venue: form["venue"], attendance: form["attendance"]))
            _ = try await seasons.setConference(id, on: change.date, venue: change.venue, attendance: change.attendance, as: identity)
        }
    }
}
