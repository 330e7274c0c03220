import Hummingbird
import LaurelDomain
import LaurelStore

/// Opening a cluster's season (`/clusters/{id}/seasons/new`): year, leader and deputy, scoring
/// mode, bonus cap, rules and covenant, and the criteria table as editable rows — last year's
/// rows filled in, plus empty ones. The checks are `ClustersAPI.seasonDraft`'s.
struct SeasonFormPages {
    let clusters: ClusterStore
    let seasons: SeasonStore
    let units: UnitStore
    let pages: PageRenderer

    static let emptyRows = 10
    static let rowNames = ["section", "sectionTitle", "code", "title", "maxPoints", "kind"]

    func register(on routes: SignedInRoutes) {
        routes.any.get("clusters/{id}/seasons/new", use: newForm)
        routes.any.post("clusters/{id}/seasons/new", use: create)
    }

    struct Row {
        let prefix: String
        let section: Field
        let sectionTitle: Field
        let code: Field
        let title: Field
        let maxPoints: Field
        let kinds: [Option]
        let kindError: String?
    }

    struct Content {
        let cluster: ClusterRecord
        let copiedFrom: Int?
        let year: Field
        let bonusCap: Field
        let rulesText: Field
        let covenantText: Field
        let leaders: [Option]
        let leaderError: String?
        let deputies: [Option]
        let deputyError: String?
        let modes: [Option]
        let modeError: String?
        let rows: [Row]
        let rowCount: Int
        let hasErrors: Bool
        let otherErrors: [String]
    }

    /// The cluster, if this identity may open its seasons: otherwise 403 (404 out of scope).
    func configurable(_ id: Int64, _ identity: Identity) async throws -> ClusterRecord {
        try Permissions.requireWrite(identity)
        let cluster = try await clusters.get(id, as: identity)
        guard (try? await units.get(cluster.organiserUnitId, as: identity)) != nil else {
            throw DomainError(.forbidden, "error.cluster_organiser_only")
        }
        return cluster
    }

    static func isShown(_ field: String) -> Bool {
        if ["year", "leaderUnitId", "deputyUnitId", "mode", "bonusCap", "rulesText", "covenantText"].contains(field) { return true }
        let parts = field.split(separator: ".")
        return parts.count == 3 && parts[0] == "criteria" && Int(parts[1]) != nil && rowNames.contains(String(parts[2]))
    }

    func content(
        _ cluster: ClusterRecord, values: [String: String], rows: [[String: String]], kept: [Int]?, copiedFrom: Int?,
        refusal: FormRefusal, context: some SignedInRequestContext
    ) -> Content {
        func field(_ name: String) -> Field { Field(value: values[name] ?? "", error: refusal.message(name, pages, context)) }
        let members = cluster.members.filter { $0.leftOn == nil }
        func choices(_ selected: String?) -> [Option] {
            [Option(value: "", label: pages.t("season_choose", context), selected: (selected ?? "").isEmpty)]
                + members.map { Option(value: String($0.unitId), label: $0.unitName, selected: selected == String($0.unitId)) }
        }
        let formRows = rows.enumerated().map { row, line in
            // Errors name the row by its place among the rows sent on, not the form's row number.
            let index = kept.flatMap { $0.firstIndex(of: row) }
            func rowField(_ name: String) -> Field {
                Field(value: line[name] ?? "", error: index.flatMap { refusal.message("criteria.\($0).\(name)", pages, context) })
            }
            let kind = line["kind"].flatMap { $0.isEmpty ? nil : $0 } ?? "criterion"
            return Row(
                prefix: "c\(row)_", section: rowField("section"), sectionTitle: rowField("sectionTitle"), code: rowField("code"),
                title: rowField("title"), maxPoints: rowField("maxPoints"),
                kinds: ["criterion", "bonus", "deduction"].map {
                    Option(value: $0, label: pages.t("criterion_kind_\($0)", context), selected: kind == $0)
                },
                kindError: rowField("kind").error)
        }
        return Content(
            cluster: cluster, copiedFrom: copiedFrom, year: field("year"), bonusCap: field("bonusCap"), rulesText: field("rulesText"),
            covenantText: field("covenantText"), leaders: choices(values["leaderUnitId"]),
            leaderError: refusal.message("leaderUnitId", pages, context),
            deputies: choices(values["deputyUnitId"]), deputyError: refusal.message("deputyUnitId", pages, context),
            modes: ScoringMode.allCases.map {
                Option(value: $0.rawValue, label: pages.t("season_mode_\($0.rawValue)", context), selected: values["mode"] == $0.rawValue)
            },
            modeError: refusal.message("mode", pages, context), rows: formRows, rowCount: formRows.count, hasErrors: !refusal.isEmpty,
            otherErrors: refusal.others(shown: Self.isShown, pages, context))
    }

    func newForm(_ request: Request, context: SignedInContext) async throws -> Response {
        let identity = context.identity
        let cluster = try await configurable(try context.pathId("id", notFound: "error.cluster_not_found"), identity)
        // "Start from a copy of last year's table": the latest season's rows, mode, cap and rules.
        var values = ["year": String(context.today.year), "mode": ScoringMode.verification.rawValue]
        var rows: [[String: String]] = []
        var copiedFrom: Int?
        if let last = cluster.seasons.max(by: { $0.year < $1.year }) {
            let season = try await seasons.get(last.id, as: identity)
            copiedFrom = season.year
            values = [
                "year": String(season.year + 1), "mode": season.mode.rawValue, "bonusCap": season.bonusCap.description,
                "rulesText": season.rulesText,
            ]
            rows = season.criteria.map {
                [
                    "section": $0.section, "sectionTitle": $0.sectionTitle ?? "", "code": $0.code, "title": $0.title,
                    "maxPoints": $0.maxPoints.description, "kind": $0.kind.rawValue,
                ]
            }
        }
        rows += Array(repeating: [:], count: Self.emptyRows)
        let content = content(cluster, values: values, rows: rows, kept: nil, copiedFrom: copiedFrom, refusal: .none, context: context)
        return try pages.html("season_form", title: pages.t("season_new", context), nav: "clusters", content: content, context: context)
    }

    /// The request the API would get, from the form; numbers that do not parse are field errors.
    static func request(from form: FormData, rows: FormRows) -> (ClustersAPI.SeasonRequest, [DomainError]) {
        var errors: [DomainError] = []
        var lines: [ClustersAPI.CriterionRequest] = []
        for (index, row) in rows.kept.enumerated() {
            let line = rows.values[row]
            let raw = line["maxPoints"] ?? ""
            let points = FormNumber.points(raw)
            if raw.isEmpty {
                errors.append(.invalid("error.required", field: "criteria.\(index).maxPoints"))
            } else if points == nil {
                errors.append(.invalid("error.wrong_type", field: "criteria.\(index).maxPoints"))
            }
            lines.append(
                ClustersAPI.CriterionRequest(
                    code: line["code"] ?? "", section: line["section"] ?? "", sectionTitle: line["sectionTitle"],
                    title: line["title"] ?? "", maxPoints: points ?? Points(1), kind: line["kind"] ?? ""))
        }
        var bonusCap: Points?
        if let raw = FormNumber.normalised(form["bonusCap"]) {
            bonusCap = Points(raw)
            if bonusCap == nil { errors.append(.invalid("error.wrong_type", field: "bonusCap")) }
        }
        let request = ClustersAPI.SeasonRequest(
            year: form["year"].flatMap { Int($0.trimmingCharacters(in: .whitespaces)) },
            leaderUnitId: form["leaderUnitId"].flatMap { Int64($0) },
            deputyUnitId: form["deputyUnitId"].flatMap { Int64($0) }, mode: form["mode"], bonusCap: bonusCap, criteria: lines,
            rulesText: form["rulesText"], covenantText: form["covenantText"])
        return (request, errors)
    }

    func create(_ request: Request, context: SignedInContext) async throws -> Response {
        let identity = context.identity
        let id = try context.pathId("id", notFound: "error.cluster_not_found")
        let cluster = try await configurable(id, identity)
        let form = try await FormData.read(request, context: context)
        let rows = FormRows(form, prefix: "c", names: Self.rowNames, selects: ["kind"])
        do {
            let (body, parseErrors) = Self.request(from: form, rows: rows)
            var errors = parseErrors
            do { _ = try ClustersAPI.seasonDraft(body) } catch let refused as ValidationErrors {
                // A number that did not parse already has its message; the placeholder's would mislead.
                errors += refused.errors.filter { error in !parseErrors.contains { $0.field == error.field } }
            }
            guard errors.isEmpty else { throw ValidationErrors(errors) }
            let season = try await seasons.create(clusterId: id, try ClustersAPI.seasonDraft(body), as: identity)
            return .redirect(to: "/seasons/\(season.id)/setup", type: .normal)
        } catch {
            let refusal = try FormRefusal(error)
            var values: [String: String] = [:]
            for name in ["year", "leaderUnitId", "deputyUnitId", "mode", "bonusCap", "rulesText", "covenantText"] {
                values[name] = form[name] ?? ""
            }
            let content = content(
                cluster, values: values, rows: rows.values, kept: rows.kept, copiedFrom: nil, refusal: refusal, context: context)
            return try pages.html(
                "season_form", title: pages.t("season_new", context), nav: "clusters", content: content, context: context,
                status: refusal.status)
        }
    }
}
