import Hummingbird
import LaurelDomain
import LaurelStore

/// Award quotas on the pages: the quota section of the unit check, and the settings page where
/// writers set a unit's quotas (`/eligibility/quotas?unitId=`).
extension EligibilityPages {
    struct QuotaSection {
        let unitName: String
        let rule: String
        let base: String
        let cap: String
        let within: [String]
        let over: [String]
        let exceeded: Bool
        let verdict: String
        /// The same people by id, for the export's quota column.
        let withinIds: [Int64]
        let overIds: [Int64]
    }

    /// For each unit with eligible people, the quota in force there judged on those people in
    /// the order of the list. Quotas count a unit's own people, so only individual codes have one.
    func quotaSections(
        _ report: EligibilityReport, unitId: Int64, identity: Identity, context: some SignedInRequestContext
    ) async throws -> [QuotaSection] {
        guard context.catalogue.entry(for: report.code)?.isFor(.individual) == true,
            report.eligibleCount > 0, try await quotas.isSet(code: report.code)
        else { return [] }
        let eligible = Set(report.rows.filter(\.eligible).map(\.subjectId))
        let subjects = try await histories.people(inSubtreeOf: unitId, as: identity)
        var order: [Int64] = []
        for subject in subjects where eligible.contains(subject.id) && !order.contains(subject.unitId) { order.append(subject.unitId) }
        let settings = try await quotas.inForce(code: report.code, unitIds: order)
        let byUnit = Dictionary(grouping: subjects, by: \.unitId)
        let names = Dictionary(subjects.map { ($0.id, $0.name) }, uniquingKeysWith: { first, _ in first })
        func listed(_ ids: [Int64]) -> [String] { ids.map { names[$0] ?? String($0) } }
        return order.compactMap { unit -> QuotaSection? in
            guard let setting = settings[unit], let members = byUnit[unit], let first = members.first else { return nil }
            let proposals = members.filter { eligible.contains($0.id) }.map(\.id)
            let check = QuotaCheck.judge(
                setting, unitId: unit, unitName: first.unitName, members: members.map(\.history),
                proposals: proposals, year: report.year, engine: context.engine)
            let over = listed(check.overQuota)
            return QuotaSection(
                unitName: first.unitName,
                rule: pages.t("quota_rule_set_at", context, [String(check.percent), check.baseCode, check.setAtUnitName]),
                base: pages.t("quota_base", context, [String(check.baseCount), check.baseCode, String(check.year)]),
                cap: pages.t("quota_cap", context, [String(check.percent), String(check.baseCount), String(check.cap)]),
                within: listed(check.withinQuota), over: over, exceeded: check.exceeded,
                verdict: check.exceeded
                    ? pages.t("quota_verdict_exceeded", context, [String(over.count), over.joined(separator: ", ")])
                    : pages.t("quota_verdict_within", context, [String(check.withinQuota.count), String(check.cap)]),
                withinIds: check.withinQuota, overIds: check.overQuota)
        }
    }

    // MARK: - Settings page

    struct QuotaRow {
        let code: String
        let name: String
        let rule: String
        let setAt: String
        let own: Bool
        let unitId: String
    }
    struct QuotaForm {
        let codes: [Option]
        let ofCodes: [Option]
        let percent: Field
        let codeError: String?
        let ofCodeError: String?
        let hasErrors: Bool
    }
    struct QuotaContent {
        let units: [Option]
        let unitId: String
        let unitName: String
        let hasUnit: Bool
        let quotas: [QuotaRow]
        let hasQuotas: Bool
        let form: QuotaForm
        let canWrite: Bool
    }

    func quotaSettings(_ request: Request, context: BrowseContext) async throws -> Response {
        let identity = context.identity
        let unitId = try request.strictQueryInt64("unitId") ?? identity.scopeRootId
        return try await renderQuotas(unitId: unitId, values: [:], errors: [], identity: identity, context: context)
    }

    func renderQuotas(
        unitId: Int64?, values: [String: String], errors: [DomainError], identity: Identity, context: some SignedInRequestContext,
        status: HTTPResponse.Status = .ok
    ) async throws -> Response {
        func error(_ field: String) -> String? { errors.first { $0.field == field }.map { pages.localisation.message($0, context.locale) } }
        let catalogue = context.catalogue
        func name(_ code: String) -> String {
            catalogue.entry(for: code).map { context.locale == .vi ? $0.nameVi : $0.nameEn } ?? code
        }
        var unit: OrgUnit?
        var rows: [QuotaRow] = []
        if let unitId {
            unit = try await units.get(unitId, as: identity)
            rows = try await quotas.inForce(unitId: unitId, as: identity).map { quota in
                QuotaRow(
                    code: quota.code, name: name(quota.code),
                    rule: pages.t("quota_rule", context, [String(quota.percent), quota.ofCode, name(quota.ofCode)]),
                    setAt: quota.inherited ? pages.t("quotas_inherited", context, [quota.unitName]) : pages.t("quotas_own", context),
                    own: !quota.inherited, unitId: String(unitId))
            }
        }
        let individual = catalogue.entries.filter { $0.isFor(.individual) }
        func options(_ selected: String) -> [Option] {
            individual.map { Option(value: $0.code, label: "\($0.code) — \(name($0.code))", selected: $0.code == selected) }
        }
        let candidates = try await units.list(UnitFilter(includeInactive: false), paging: Paging(page: 1, per: 500), as: identity).items
        let form = QuotaForm(
            codes: options(values["code"] ?? "CSTDCS"), ofCodes: options(values["ofCode"] ?? "LDTT"),
            percent: Field(value: values["percent"] ?? "15", error: error("percent")),
            codeError: error("code"), ofCodeError: error("ofCode"), hasErrors: !errors.isEmpty)
        let content = QuotaContent(
            units: candidates.map { Option(value: String($0.id), label: "\($0.name) (\($0.code))", selected: $0.id == unitId) },
            unitId: unitId.map(String.init) ?? "", unitName: unit?.name ?? "", hasUnit: unit != nil,
            quotas: rows, hasQuotas: !rows.isEmpty, form: form, canWrite: identity.canWrite)
        return try pages.html(
            "eligibility_quotas", title: pages.t("quotas_title", context), nav: "eligibility", content: content, context: context,
            status: status)
    }

    /// The unit a form names; a missing or malformed id is a unit that cannot be found.
    func formUnit(_ form: FormData) throws -> Int64 {
        guard let id = form["unitId"].flatMap({ Int64($0) }), id > 0 else { throw DomainError(.notFound, "error.unit_not_found") }
        return id
    }

    func setQuota(_ request: Request, context: WriteContext) async throws -> Response {
        let identity = context.identity
        let form = try await FormData.read(request, context: context)
        let unitId = try formUnit(form)
        do {
            // A percent that is not a whole number is out of range, as the API would say.
            let percent = form["percent"].flatMap { Int($0.trimmingCharacters(in: .whitespaces)) }
            if percent == nil, !(form["percent"] ?? "").isEmpty { throw DomainError.invalid("error.quota_percent_range", field: "percent") }
            let quota = try AwardQuota(validating: form["code"], percent: percent, ofCode: form["ofCode"], catalogue: context.catalogue)
            _ = try await quotas.set(quota, unitId: unitId, as: identity)
            return .redirect(to: "/eligibility/quotas?unitId=\(unitId)", type: .normal)
        } catch let error as ValidationErrors {
            return try await refusedQuota(error.errors, unitId: unitId, form: form, identity: identity, context: context)
        } catch let error as DomainError where error.kind == .invalid {
            return try await refusedQuota([error], unitId: unitId, form: form, identity: identity, context: context)
        }
    }

    func refusedQuota(
        _ errors: [DomainError], unitId: Int64, form: FormData, identity: Identity, context: some SignedInRequestContext
    ) async throws -> Response {
        let values = ["code": form["code"] ?? "", "ofCode": form["ofCode"] ?? "", "percent": form["percent"] ?? ""]
        return try await renderQuotas(
            unitId: unitId, values: values, errors: errors, identity: identity, context: context, status: .unprocessableContent)
    }

    func removeQuota(_ request: Request, context: WriteContext) async throws -> Response {
        let identity = context.identity
        let form = try await FormData.read(request, context: context)
        let unitId = try formUnit(form)
        try await quotas.remove(code: form["code"] ?? "", unitId: unitId, as: identity)
        return .redirect(to: "/eligibility/quotas?unitId=\(unitId)", type: .normal)
    }
}
