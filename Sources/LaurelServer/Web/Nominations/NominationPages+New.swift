import Foundation
import Hummingbird
import LaurelDomain
import LaurelStore

/// The form that starts a dossier: a unit's people to tick (the eligibility page links here with
/// its selection), the code, the year and the kind.
extension NominationPages {
    struct PersonOption {
        let id: Int64, name: String, checked: Bool
    }
    struct NewContent {
        let unitId: Int64, year: Int
        let codes: [Option], kinds: [Option], people: [PersonOption]
        let achievement: String
        let errors: [String]
        let hasErrors: Bool
    }

    func renderNew(
        _ context: some SignedInRequestContext, unitId: Int64, code: String?, year: Int, kind: NominationKind, selected: Set<Int64>,
        achievement: String = "", errors: [String] = [], status: HTTPResponse.Status = .ok
    ) async throws -> Response {
        let people = try await self.people.list(PersonFilter(unitId: unitId), paging: Paging(page: 1, per: 200), as: context.identity)
        let catalogue = context.catalogue
        let content = NewContent(
            unitId: unitId, year: year,
            codes: catalogue.entries.map { Option(value: $0.code, label: "\($0.code) — \($0.nameVi)", selected: $0.code == code) },
            kinds: NominationKind.allCases.map {
                Option(value: $0.rawValue, label: pages.t("nomination_kind_\($0.rawValue)", context), selected: $0 == kind)
            },
            people: people.items.map { PersonOption(id: $0.person.id, name: $0.person.fullName, checked: selected.contains($0.person.id)) },
            achievement: achievement, errors: errors, hasErrors: !errors.isEmpty)
        return try pages.html(
            "nomination_form", title: pages.t("nomination_new", context), nav: "nominations", content: content, context: context,
            status: status)
    }

    func newForm(_ request: Request, context: WriteContext) async throws -> Response {
        let selected = Set(FormData(request.uri.query ?? "").values["person"]?.compactMap { Int64($0) } ?? [])
        return try await renderNew(
            context, unitId: request.queryInt64("unitId") ?? context.identity.account.unitId, code: request.query("code"),
            year: request.queryInt("year") ?? context.today.year - 1, kind: .regular, selected: selected)
    }

    func create(_ request: Request, context: WriteContext) async throws -> Response {
        let form = try await FormData.read(request, context: context)
        let unitId = form["proposerUnitId"].flatMap { Int64($0) } ?? context.identity.account.unitId
        let selected = (form.values["person"] ?? []).compactMap { Int64($0) }
        let kind = form["kind"].flatMap(NominationKind.init(rawValue:)) ?? .regular
        let year = form["year"].flatMap { Int($0) }
        let achievement = form["achievement"] ?? ""
        let body = NominationsAPI.CreateRequest(
            proposerUnitId: unitId, code: form["code"], year: year, kind: form["kind"], movementId: nil,
            candidates: selected.map { .init(personId: $0, unitId: nil, achievement: achievement.isEmpty ? nil : achievement) })
        do {
            let created = try await nominations.create(
                try NominationsAPI.draft(body, today: context.today), engine: context.engine, today: context.today, as: context.identity)
            return .redirect(to: "/nominations/\(created.id)?done=created", type: .normal)
        } catch {
            let refusal = try FormRefusal(error)
            return try await renderNew(
                context, unitId: unitId, code: form["code"], year: year ?? context.today.year - 1, kind: kind, selected: Set(selected),
                achievement: achievement, errors: refusal.errors.map { pages.localisation.message($0, context.locale) },
                status: refusal.status)
        }
    }
}
