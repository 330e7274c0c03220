import Foundation
import Hummingbird
import LaurelDomain
import LaurelStore

/// The record page of a person or a unit (a timeline by year), with forms to enter an assessment
/// or an award and to revoke one; and the award register with its filters and exports.
struct RecordPages {
    let records: RecordStore
    let assessments: AssessmentStore
    let awards: AwardStore
    let catalogue: CatalogueStore
    let pages: PageRenderer

    func register(on routes: SignedInRoutes) {
        routes.any.get("people/{id}/record") { request, context in try await show(request, context, person: true) }
        routes.any.get("units/{id}/record") { request, context in try await show(request, context, person: false) }
        routes.write.post("people/{id}/record/assessment") { request, context in try await assess(request, context, person: true) }
        routes.write.post("units/{id}/record/assessment") { request, context in try await assess(request, context, person: false) }
        routes.write.post("people/{id}/record/awards") { request, context in try await award(request, context, person: true) }
        routes.write.post("units/{id}/record/awards") { request, context in try await award(request, context, person: false) }
        routes.write.post("awards/{id}/revoke", use: revoke)
        routes.browse.get("register", use: register)
    }

    struct AwardRow {
        let id: Int64
        let code: String
        let name: String
        let year: Int
        let kind: String
        let decision: String
        let authority: String
        let revoked: Bool
        let status: String
        let reason: String
    }
    struct InitiativeRow {
        let title: String
        let level: String
        let decision: String
        let authors: String
    }
    struct YearRow {
        let year: Int
        let rating: String
        let discipline: String
        let notes: String
        let awards: [AwardRow]
        let initiatives: [InitiativeRow]
    }
    struct ShowContent {
        let name: String
        let backURL: String
        let action: String
        let years: [YearRow]
        let empty: Bool
        let canWrite: Bool
        let ratings: [Option]
        let disciplines: [Option]
        let codes: [Option]
        let kinds: [Option]
        let thisYear: Int
        let error: String?
    }

    func names(_ context: some SignedInRequestContext) async throws -> [String: String] {
        let items = try await catalogue.list()
        return Dictionary(items.map { ($0.code, context.locale == .vi ? $0.nameVi : $0.nameEn) }, uniquingKeysWith: { a, _ in a })
    }

    func awardRow(_ w: AwardRecord, names: [String: String], context: some SignedInRequestContext) -> AwardRow {
        let decision = [w.decisionNumber, w.decisionDate].compactMap { $0 }.joined(separator: " · ")
        return AwardRow(
            id: w.id, code: w.code, name: names[w.code] ?? w.code, year: w.year, kind: pages.t("award_kind_\(w.kind.rawValue)", context),
            decision: decision, authority: w.authority ?? "", revoked: w.status == .revoked,
            status: pages.t("award_status_\(w.status.rawValue)", context), reason: w.statusReason ?? "")
    }

    func show(
        _ request: Request, _ context: some SignedInRequestContext, person: Bool, error: String? = nil, status: HTTPResponse.Status = .ok
    ) async throws -> Response {
        let identity = context.identity
        let subject = try RecordsAPI.subject(context, person: person)
        let record = try await records.record(of: subject, as: identity)
        let names = try await names(context)
        let years = record.years.map { y in
            YearRow(
                year: y.year, rating: y.rating.map { pages.t("rating_\($0.rawValue)", context) } ?? "—",
                discipline: y.discipline.map { pages.t("discipline_\($0.rawValue)", context) } ?? "", notes: y.notes ?? "",
                awards: y.awards.map { awardRow($0, names: names, context: context) },
                initiatives: y.initiatives.map { i in
                    InitiativeRow(
                        title: i.title, level: pages.t("initiative_level_\(i.level.rawValue)", context), decision: i.decisionNumber ?? "",
                        authors: i.authors.map { "\($0.fullName ?? "#\($0.personId)") (\($0.share) %)" }.joined(separator: ", "))
                })
        }
        let kind: SubjectKind = person ? .individual : .collective
        let codes = try await catalogue.list().filter { $0.subjectKinds.contains(kind) }
            .map { Option(value: $0.code, label: "\($0.code) — \(context.locale == .vi ? $0.nameVi : $0.nameEn)", selected: false) }
        let base = person ? "/people/\(subject.personId ?? 0)" : "/units/\(subject.unitId ?? 0)"
        let content = ShowContent(
            name: record.name, backURL: base, action: base + "/record", years: years, empty: years.isEmpty, canWrite: identity.canWrite,
            ratings: Rating.allCases.map { Option(value: $0.rawValue, label: pages.t("rating_\($0.rawValue)", context), selected: false) },
            disciplines: [Option(value: "", label: "—", selected: true)]
                + Discipline.allCases.map {
                    Option(value: $0.rawValue, label: pages.t("discipline_\($0.rawValue)", context), selected: false)
                },
            codes: codes,
            kinds: AwardKind.allCases.map {
                Option(value: $0.rawValue, label: pages.t("award_kind_\($0.rawValue)", context), selected: $0 == .merit)
            },
            thisYear: context.today.year, error: error)
        return try pages.html(
            "record", title: pages.t("record_title", context) + " · " + record.name, nav: person ? "people" : "units",
            content: content, context: context, status: status)
    }

    /// A refused form shows the record again with the message (every field error joined).
    func refused(_ error: any Error, _ request: Request, _ context: some SignedInRequestContext, person: Bool) async throws -> Response {
        let messages: [String]
        switch error {
        case let e as ValidationErrors: messages = e.errors.map { pages.localisation.message($0, context.locale) }
        case let e as DomainError where e.kind == .invalid || e.kind == .conflict:
            messages = [pages.localisation.message(e, context.locale)]
        default: throw error
        }
        return try await show(request, context, person: person, error: messages.joined(separator: " "), status: .unprocessableContent)
    }

    func assess(_ request: Request, _ context: WriteContext, person: Bool) async throws -> Response {
        let identity = context.identity
        let subject = try RecordsAPI.subject(context, person: person)
        let form = try await FormData.read(request, context: context)
        do {
            var errors: [DomainError] = []
            let year = RecordRules.year(form["year"].flatMap { Int($0) }, today: context.today, field: "year", into: &errors)
            if !errors.isEmpty { throw ValidationErrors(errors) }
            let draft = try RecordsAPI.draft(
                .init(rating: form["rating"], discipline: form["discipline"], notes: form["notes"]), year: year ?? 0)
            _ = try await assessments.put(subject, draft, as: identity)
        } catch {
            return try await refused(error, request, context, person: person)
        }
        return .redirect(to: person ? "/people/\(subject.personId ?? 0)/record" : "/units/\(subject.unitId ?? 0)/record", type: .normal)
    }

    func award(_ request: Request, _ context: WriteContext, person: Bool) async throws -> Response {
        let identity = context.identity
        let subject = try RecordsAPI.subject(context, person: person)
        let form = try await FormData.read(request, context: context)
        do {
            let body = AwardsAPI.AwardRequest(
                code: form["code"], year: form["year"].flatMap { Int($0) }, endYear: nil, kind: form["kind"],
                decisionNumber: form["decisionNumber"], decisionDate: form["decisionDate"], authority: form["authority"], status: nil)
            _ = try await awards.create(subject, try AwardsAPI.draft(body, today: context.today), as: identity)
        } catch {
            return try await refused(error, request, context, person: person)
        }
        return .redirect(to: person ? "/people/\(subject.personId ?? 0)/record" : "/units/\(subject.unitId ?? 0)/record", type: .normal)
    }

    func revoke(_ request: Request, context: WriteContext) async throws -> Response {
        let identity = context.identity
        let form = try await FormData.read(request, context: context)
        var errors: [DomainError] = []
        let reason = Validate.name(form["reason"], field: "reason", into: &errors)
        let award = try await awards.get(try context.id(), as: identity)
        let back = award.personId.map { "/people/\($0)/record" } ?? "/units/\(award.unitId ?? 0)/record"
        if errors.isEmpty { _ = try await awards.revoke(award.id, reason: reason, as: identity) }
        return .redirect(to: back, type: .normal)
    }

    struct RegisterRow {
        let id: Int64
        let link: String
        let subject: String
        let unitCode: String
        let code: String
        let year: Int
        let decision: String
        let status: String
        let revoked: Bool
    }
    struct RegisterContent {
        let rows: [RegisterRow]
        let year: String
        let code: String
        let pager: Pager
        let exportQuery: String
        let codes: [Option]
        let empty: Bool
    }

    func register(_ request: Request, context: BrowseContext) async throws -> Response {
        let identity = context.identity
        let filter = RecordListFilter(unitId: request.queryInt64("unitId"), year: request.queryInt("year"), code: request.query("code"))
        let paging = Paging(page: request.queryInt("page"), per: 50)
        let page = try await awards.list(filter, paging: paging, as: identity)
        let names = try await names(context)
        let rows = page.items.map { item in
            RegisterRow(
                id: item.award.id, link: item.award.personId.map { "/people/\($0)/record" } ?? "/units/\(item.award.unitId ?? 0)/record",
                subject: item.subjectName, unitCode: item.unitCode, code: names[item.award.code] ?? item.award.code, year: item.award.year,
                decision: [item.award.decisionNumber, item.award.decisionDate].compactMap { $0 }.joined(separator: " · "),
                status: pages.t("award_status_\(item.award.status.rawValue)", context), revoked: item.award.status == .revoked)
        }
        let query = ["year": request.query("year") ?? "", "code": request.query("code") ?? "", "unitId": request.query("unitId") ?? ""]
        let pager = Pager(page: paging.page, per: paging.per, total: page.total, path: "/register", query: query) {
            pages.t("page_of", context, [String($0), String($1)])
        }
        let exportQuery = query.filter { !$0.value.isEmpty }.sorted { $0.key < $1.key }
            .map { "\($0.key)=\($0.value.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? "")" }.joined(separator: "&")
        let codes =
            [Option(value: "", label: pages.t("all", context), selected: filter.code == nil)]
            + (try await catalogue.list()).map { Option(value: $0.code, label: $0.code, selected: $0.code == filter.code) }
        let content = RegisterContent(
            rows: rows, year: request.query("year") ?? "", code: filter.code ?? "", pager: pager,
            exportQuery: exportQuery, codes: codes, empty: rows.isEmpty)
        return try pages.html("register", title: pages.t("register_title", context), nav: "register", content: content, context: context)
    }
}
