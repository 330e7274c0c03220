import Hummingbird
import LaurelDomain
import LaurelStore

/// Checking a whole unit for one award and year, on a page and as CSV/XLSX.
struct EligibilityPages {
    let histories: HistoryStore
    let units: UnitStore
    let quotas: QuotaStore
    let gate: HeavyWorkGate
    let pages: PageRenderer

    func register(on routes: SignedInRoutes) {
        routes.browse.get("eligibility", use: show)
        routes.browse.get("eligibility/export", use: export)
        routes.browse.get("eligibility/quotas", use: quotaSettings)
        routes.write.post("eligibility/quotas", use: setQuota)
        routes.write.post("eligibility/quotas/remove", use: removeQuota)
    }

    struct Row {
        let name: String
        let unitName: String
        let eligible: Bool
        let eligibleFrom: String
        let missing: String
        let link: String
        /// An eligible person the reader may propose: ticked in the "đề nghị" form.
        let proposable: Bool
        let subjectId: Int64
    }
    struct Content {
        let units: [Option]
        let codes: [Option]
        let year: String
        let checked: Bool
        let rows: [Row]
        let total: Int
        let eligible: Int
        let summary: String
        let query: String
        /// A province holds tens of thousands of people: the page shows them a page at a time
        /// (the export has them all), and can keep only the eligible.
        let pager: Pager?
        let eligibleOnly: Bool
        /// One per unit that has eligible people and a quota in force for the code.
        let quotaSections: [QuotaSection]
        let quotasLink: String
        /// The people of an individual code can be proposed from here (a dossier per selection).
        let canPropose: Bool
        let proposeUnitId: String
        let proposeCode: String
        let proposeYear: String
    }

    struct Query {
        let unitId: Int64
        let code: String
        let year: Int
    }

    static let rowsPerPage = 200

    func query(_ request: Request, identity: Identity, today: CalendarDate) throws -> Query? {
        guard let unitId = request.queryInt64("unitId") ?? identity.scopeRootId, let code = request.query("code") else { return nil }
        let year = request.queryInt("year") ?? today.year
        guard (1945...2200).contains(year) else { throw DomainError.invalid("error.year_out_of_range", field: "year", String(year)) }
        return Query(unitId: unitId, code: code, year: year)
    }

    func show(_ request: Request, context: BrowseContext) async throws -> Response {
        let identity = context.identity
        let engine = context.engine
        let asked = try query(request, identity: identity, today: context.today)
        var rows: [Row] = []
        var eligible = 0
        var checkedCount = 0
        var sections: [QuotaSection] = []
        var pager: Pager?
        var canPropose = false
        let eligibleOnly = request.query("eligibleOnly") == "true"
        if let asked {
            let report = try await EligibilityReport.make(
                histories: histories, unitId: asked.unitId, code: asked.code, year: asked.year, decisionDate: nil, identity: identity,
                gate: gate, engine: context.engine)
            let collective = !(engine.catalogue.entry(for: asked.code)?.subjectKinds.contains(.individual) ?? true)
            canPropose = !collective && identity.canWrite
            let shown = eligibleOnly ? report.rows.filter(\.eligible) : report.rows
            let paging = Paging(page: request.queryInt("page"), per: Self.rowsPerPage)
            rows = shown.dropFirst(paging.offset).prefix(paging.per).map {
                Row(
                    name: $0.name, unitName: $0.unitName, eligible: $0.eligible, eligibleFrom: $0.eligibleFrom.map(String.init) ?? "",
                    missing: EligibilityReport.missing($0, labels: pages.localisation.table(context.locale)),
                    link: collective ? "/units/\($0.subjectId)" : "/people/\($0.subjectId)", proposable: canPropose && $0.eligible,
                    subjectId: $0.subjectId)
            }
            var pageQuery = ["unitId": String(asked.unitId), "code": asked.code, "year": String(asked.year)]
            if eligibleOnly { pageQuery["eligibleOnly"] = "true" }
            if shown.count > paging.per {
                pager = Pager(page: paging.page, per: paging.per, total: shown.count, path: "/eligibility", query: pageQuery) {
                    pages.t("page_of", context, [String($0), String($1)])
                }
            }
            eligible = report.eligibleCount
            checkedCount = report.rows.count
            sections = try await quotaSections(report, unitId: asked.unitId, identity: identity, context: context)
        }
        let candidates = try await units.list(UnitFilter(includeInactive: false), paging: Paging(page: 1, per: 500), as: identity).items
        let selectedUnit = asked?.unitId ?? identity.scopeRootId
        let codeOptions = engine.catalogue.entries.map {
            Option(value: $0.code, label: "\($0.code) — \(context.locale == .vi ? $0.nameVi : $0.nameEn)", selected: $0.code == asked?.code)
        }
        let query = asked.map { "unitId=\($0.unitId)&code=\($0.code)&year=\($0.year)" } ?? ""
        let content = Content(
            units: candidates.map { Option(value: String($0.id), label: "\($0.name) (\($0.code))", selected: $0.id == selectedUnit) },
            codes: codeOptions, year: String(asked?.year ?? context.today.year), checked: asked != nil, rows: rows, total: checkedCount,
            eligible: eligible,
            summary: pages.t("eligibility_summary", context, [String(eligible), String(checkedCount)]), query: query, pager: pager,
            eligibleOnly: eligibleOnly,
            quotaSections: sections, quotasLink: "/eligibility/quotas" + (selectedUnit.map { "?unitId=\($0)" } ?? ""),
            canPropose: canPropose, proposeUnitId: asked.map { String($0.unitId) } ?? "", proposeCode: asked?.code ?? "",
            proposeYear: asked.map { String($0.year) } ?? "")
        return try pages.html(
            "eligibility", title: pages.t("eligibility_title", context), nav: "eligibility", content: content, context: context)
    }

    func export(_ request: Request, context: BrowseContext) async throws -> Response {
        let identity = context.identity
        guard let asked = try query(request, identity: identity, today: context.today) else {
            throw DomainError.invalid("error.required", field: "code")
        }
        let report = try await EligibilityReport.make(
            histories: histories, unitId: asked.unitId, code: asked.code, year: asked.year, decisionDate: nil, identity: identity,
            gate: gate, engine: context.engine)
        var table = report.table({ pages.t($0, context) }, labels: pages.localisation.table(context.locale))
        // Where a quota is in force, a column says who fits inside it and who is over, as the page does.
        let sections = try await quotaSections(report, unitId: asked.unitId, identity: identity, context: context)
        if !sections.isEmpty {
            var place: [Int64: String] = [:]
            for section in sections {
                for id in section.withinIds { place[id] = pages.t("quota_within_tag", context) }
                for id in section.overIds { place[id] = pages.t("quota_exceeded_tag", context) }
            }
            table.header.append(pages.t("quota_section_title", context))
            table.rows = zip(report.rows, table.rows).map { row, cells in cells + [place[row.subjectId].map { .text($0) } ?? .empty] }
        }
        return try SpreadsheetResponse.make(
            format: request.query("format"), name: "xet-\(asked.code)-\(asked.year)", header: table.header, rows: table.rows)
    }
}
