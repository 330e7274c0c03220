import Hummingbird
import LaurelDomain
import LaurelStore

/// Pages of movements: the list, a movement with its cascade (who launched, who reported,
/// drilling down level by level), launching and implementing.
struct MovementPages {
    let movements: MovementStore
    let units: UnitStore
    let pages: PageRenderer

    func register(on routes: SignedInRoutes) {
        routes.browse.get("movements", use: list)
        routes.write.get("movements/new", use: newForm)
        routes.write.post("movements/new", use: create)
        routes.browse.get("movements/{id}", use: show)
        routes.write.get("movements/{id}/edit", use: editForm)
        routes.write.post("movements/{id}/edit", use: update)
        routes.write.post("movements/{id}/launch", use: launch)
        routes.write.post("movements/{id}/advance", use: advance)
        routes.write.post("movements/{id}/implement", use: implement)
        routes.write.post("movements/{id}/reports", use: submitReport)
        routes.write.post("movements/{id}/attachments", use: attach)
        routes.browse.get("movements/{id}/attachments/{attachmentId}", use: attachment)
    }

    func list(_ request: Request, context: BrowseContext) async throws -> Response {
        let identity = context.identity
        struct Row {
            let id: Int64
            let name: String
            let launcher: String
            let status: String
            let period: String
            let isChild: Bool
        }
        struct Content {
            let rows: [Row]
            let empty: Bool
            let canCreate: Bool
        }
        let page = try await movements.list(as: identity, paging: Paging(page: request.queryInt("page"), per: 100))
        let rows = page.items.map {
            Row(
                id: $0.id, name: $0.name, launcher: $0.launcherName, status: pages.t("movement_status_\($0.status.rawValue)", context),
                period: "\($0.startDate) – \($0.endDate)", isChild: $0.parentId != nil)
        }
        let content = Content(rows: rows, empty: rows.isEmpty, canCreate: identity.canWrite)
        return try pages.html("movements", title: pages.t("movements_title", context), nav: "movements", content: content, context: context)
    }

    struct CoverageRow {
        let name: String
        let launched: Bool
        let launchedOn: String
        let movementId: Int64?
        let reports: [Cell]
    }
    struct Cell {
        let label: String
        let css: String
    }
    struct CriterionRow {
        let group: String
        let text: String
    }
    struct Content {
        let movement: MovementRecord
        let statusLabel: String
        let kindLabel: String
        let coverage: [CoverageRow]
        let hasCoverage: Bool
        let launchedCount: Int
        let total: Int
        let canLaunch: Bool
        let implementOptions: [Option]
        let canImplement: Bool
        let flash: String?
        let criteria: [CriterionRow]
        let plannedForms: [String]
        let canEdit: Bool
        let interimDates: String?
        let motto: String?
        let hasObjectives: Bool
        let lifecycle: StepsPanel?
        let reports: ReportsPanel
        let canAttach: Bool
        let attachments: [AttachmentRow]
    }

    func render(
        _ id: Int64, identity: Identity, context: some SignedInRequestContext, flash: String? = nil, status: HTTPResponse.Status = .ok,
        typed: ReportDraft? = nil
    ) async throws -> Response {
        let movement = try await movements.get(id, as: identity)
        let coverage = try? await movements.coverage(id, today: context.today, as: identity)
        let css: [ReportStatus: String] = [.submitted: "ok", .late: "off", .missing: "off", .pending: ""]
        // Writers whose scope holds the launcher change the movement; the store checks it again.
        let canChange = identity.canWrite ? (try? await units.get(movement.launcherUnitId, as: identity)) != nil : false
        var options: [Option] = []
        var below: [Option] = []
        if identity.canWrite, movement.status != .draft {
            // The units of the identity's scope that are directly below the launcher, as candidates to implement.
            let children = try await units.list(
                UnitFilter(parentId: movement.launcherUnitId, includeInactive: false), paging: Paging(page: 1, per: 200), as: identity)
            options = children.items.map { Option(value: String($0.id), label: $0.name, selected: false) }
            below = options
            if case .subtree = identity.scope, options.isEmpty, identity.account.unitId != movement.launcherUnitId {
                options = [Option(value: String(identity.account.unitId), label: pages.t("movement_my_unit", context), selected: true)]
                let own = try? await units.get(identity.account.unitId, as: identity)
                below = [
                    Option(value: String(identity.account.unitId), label: own?.name ?? pages.t("movement_my_unit", context), selected: true)
                ]
            }
        }
        let catalogue = context.catalogue
        let content = Content(
            movement: movement, statusLabel: pages.t("movement_status_\(movement.status.rawValue)", context),
            kindLabel: pages.t("movement_kind_\(movement.kind.rawValue)", context),
            coverage: (coverage?.units ?? []).map { unit in
                CoverageRow(
                    name: unit.unitName, launched: unit.launched, launchedOn: unit.launchedOn ?? "", movementId: unit.movementId,
                    reports: unit.reports.map {
                        Cell(
                            label: pages.t("report_status_\($0.status.rawValue)", context) + ($0.daysLate.map { " (+\($0))" } ?? ""),
                            css: css[$0.status] ?? "")
                    })
            },
            hasCoverage: coverage != nil, launchedCount: coverage?.launched ?? 0, total: coverage?.total ?? 0,
            canLaunch: identity.canWrite && movement.status == .draft && coverage != nil,
            implementOptions: options, canImplement: !options.isEmpty, flash: flash,
            criteria: movement.criteria.map { CriterionRow(group: groupLabel($0.group, context), text: $0.text) },
            plannedForms: movement.plannedForms.map { code in
                catalogue.entry(for: code).map { "\(context.locale == .vi ? $0.nameVi : $0.nameEn) (\(code))" } ?? code
            },
            canEdit: canChange && movement.status == .draft,
            // Empty texts are nil: Mustache shows a section for any string, even an empty one.
            interimDates: movement.interimReviews.isEmpty ? nil : movement.interimReviews.joined(separator: ", "),
            motto: movement.motto.isEmpty ? nil : movement.motto,
            hasObjectives: !movement.objectives.isEmpty,
            lifecycle: canChange ? stepsPanel(movement, context) : nil,
            reports: try await reportsPanel(movement, coverage: coverage, units: below, identity: identity, context: context, typed: typed),
            canAttach: canChange,
            attachments: movement.attachments.map {
                AttachmentRow(url: "/movements/\(movement.id)/attachments/\($0.id)", name: $0.name, size: Self.size($0.size))
            })
        return try pages.html("movement", title: movement.name, nav: "movements", content: content, context: context, status: status)
    }

    /// A named participant group's localised label, or an other group's own text.
    func groupLabel(_ group: ParticipantGroup, _ context: some SignedInRequestContext) -> String {
        ParticipantGroup.named.contains(group) ? pages.t("movement_group_\(group.rawValue)", context) : group.rawValue
    }

    static let doneMessages = [
        "saved": "movement_saved", "advanced": "movement_advanced", "report": "movement_report_submitted", "attached": "movement_attached",
    ]

    func show(_ request: Request, context: BrowseContext) async throws -> Response {
        let identity = context.identity
        let flash = request.query("done").map { pages.t(Self.doneMessages[$0] ?? "season_saved", context) }
        return try await render(try context.id(), identity: identity, context: context, flash: flash)
    }

    /// Runs a write; a refusal shows the page again with the message, and a refused report keeps
    /// what was typed in its form.
    func attempt(
        _ context: some SignedInRequestContext, typed: ReportDraft? = nil, _ body: (Identity, Int64) async throws -> String
    ) async throws -> Response {
        let identity = context.identity
        let id = try context.id()
        func again(_ message: String, _ status: HTTPResponse.Status) async throws -> Response {
            let draft = typed.map {
                ReportDraft(deadlineId: $0.deadlineId, unitId: $0.unitId, text: $0.text, figures: $0.figures, error: message)
            }
            return try await render(id, identity: identity, context: context, flash: message, status: status, typed: draft)
        }
        do {
            return .redirect(to: try await body(identity, id), type: .normal)
        } catch let error as DomainError where error.kind != .notFound || error.field != nil {
            return try await again(
                pages.localisation.message(error, context.locale), error.kind == .forbidden ? .forbidden : .unprocessableContent)
        } catch let errors as ValidationErrors {
            return try await again(
                errors.errors.map { pages.localisation.message($0, context.locale) }.joined(separator: " "), .unprocessableContent)
        }
    }

    func launch(_ request: Request, context: WriteContext) async throws -> Response {
        return try await attempt(context) { identity, id in
            _ = try await movements.advance(id, to: .launched, on: context.today, as: identity)
            return "/movements/\(id)?done=1"
        }
    }

    func implement(_ request: Request, context: WriteContext) async throws -> Response {
        let form = try await FormData.read(request, context: context)
        return try await attempt(context) { identity, id in
            guard let unitId = form["unitId"].flatMap({ Int64($0) }) else { throw DomainError.invalid("error.required", field: "unitId") }
            let child = try await movements.implement(id, unitId: unitId, as: identity)
            return "/movements/\(child.id)"
        }
    }
}
