import Hummingbird
import LaurelDomain
import LaurelStore

/// Pages of clusters and blocks (cụm, khối thi đua): the list, founding one, its page with the
/// members' history, and a member joining or leaving on a date. The checks are the API's.
struct ClusterPages {
    let clusters: ClusterStore
    let units: UnitStore
    let pages: PageRenderer

    func register(on routes: SignedInRoutes) {
        routes.browse.get("clusters", use: list)
        routes.write.get("clusters/new", use: newForm)
        routes.write.post("clusters/new", use: create)
        routes.browse.get("clusters/{id}", use: show)
        routes.write.post("clusters/{id}/members", use: member)
    }

    struct ClusterRow {
        let id: Int64
        let code: String
        let name: String
        let kind: String
        let organiser: String
        let members: Int
        let seasons: [ClusterRecord.SeasonSummary]
    }

    func list(_ request: Request, context: BrowseContext) async throws -> Response {
        let identity = context.identity
        struct Content {
            let rows: [ClusterRow]
            let empty: Bool
            let canCreate: Bool
        }
        let rows = try await clusters.list(as: identity).map {
            ClusterRow(
                id: $0.id, code: $0.code, name: $0.name, kind: pages.t("cluster_kind_\($0.kind.rawValue)", context),
                organiser: $0.organiserName,
                members: $0.memberUnitIds.count, seasons: $0.seasons)
        }
        let content = Content(rows: rows, empty: rows.isEmpty, canCreate: identity.canWrite)
        return try pages.html("clusters", title: pages.t("clusters_title", context), nav: "clusters", content: content, context: context)
    }

    /// The active units the identity may choose (organiser, members), by name.
    static func unitsInScope(_ units: UnitStore, _ identity: Identity) async throws -> [OrgUnit] {
        try await units.list(UnitFilter(includeInactive: false), paging: Paging(page: 1, per: 500), as: identity).items
    }

    // MARK: founding a cluster

    struct FormContent {
        let code: Field
        let name: Field
        let decisionNumber: Field
        let decisionDate: Field
        let kinds: [Option]
        let kindError: String?
        let organisers: [Option]
        let organiserError: String?
        let members: [Option]
        let membersError: String?
        let leaderMayServeConsecutively: Bool
        let deputyMayServeConsecutively: Bool
        let deputyBecomesLeader: Bool
        let hasErrors: Bool
        let otherErrors: [String]
    }

    static let formFields: Set<String> = ["code", "name", "kind", "organiserUnitId", "decisionNumber", "decisionDate", "memberUnitIds"]

    func form(_ form: FormData?, refusal: FormRefusal, identity: Identity, context: some SignedInRequestContext) async throws -> FormContent
    {
        let choices = try await Self.unitsInScope(units, identity)
        let value = { (name: String) in form?[name] ?? "" }
        let chosen = Set(form?.values["memberUnitIds"] ?? [])
        let organiser = form?["organiserUnitId"] ?? String(identity.account.unitId)
        func field(_ name: String) -> Field { Field(value: value(name), error: refusal.message(name, pages, context)) }
        return FormContent(
            code: field("code"), name: field("name"), decisionNumber: field("decisionNumber"), decisionDate: field("decisionDate"),
            kinds: ClusterKind.allCases.map {
                Option(value: $0.rawValue, label: pages.t("cluster_kind_\($0.rawValue)", context), selected: value("kind") == $0.rawValue)
            },
            kindError: refusal.message("kind", pages, context),
            organisers: choices.map {
                Option(value: String($0.id), label: "\($0.name) (\($0.code))", selected: organiser == String($0.id))
            },
            organiserError: refusal.message("organiserUnitId", pages, context),
            members: choices.map {
                Option(value: String($0.id), label: "\($0.name) (\($0.code))", selected: chosen.contains(String($0.id)))
            },
            membersError: refusal.message("memberUnitIds", pages, context),
            // Unticked boxes are not sent: a fresh form shows the rotation rule's defaults.
            leaderMayServeConsecutively: form?["leaderMayServeConsecutively"] != nil,
            deputyMayServeConsecutively: form.map { $0["deputyMayServeConsecutively"] != nil }
                ?? RotationRule().deputyMayServeConsecutively,
            deputyBecomesLeader: form?["deputyBecomesLeader"] != nil,
            hasErrors: !refusal.isEmpty, otherErrors: refusal.others(shown: Self.formFields.contains, pages, context))
    }

    func newForm(_ request: Request, context: WriteContext) async throws -> Response {
        let identity = context.identity
        let content = try await form(nil, refusal: .none, identity: identity, context: context)
        return try pages.html("cluster_form", title: pages.t("cluster_new", context), nav: "clusters", content: content, context: context)
    }

    static func request(from form: FormData) -> ClustersAPI.CreateRequest {
        ClustersAPI.CreateRequest(
            code: form["code"], name: form["name"], kind: form["kind"], organiserUnitId: form["organiserUnitId"].flatMap { Int64($0) },
            decisionNumber: form["decisionNumber"], decisionDate: form["decisionDate"],
            memberUnitIds: (form.values["memberUnitIds"] ?? []).compactMap { Int64($0) },
            rotation: RotationRule(
                leaderMayServeConsecutively: form["leaderMayServeConsecutively"] != nil,
                deputyMayServeConsecutively: form["deputyMayServeConsecutively"] != nil,
                deputyBecomesLeader: form["deputyBecomesLeader"] != nil))
    }

    func create(_ request: Request, context: WriteContext) async throws -> Response {
        let identity = context.identity
        let form = try await FormData.read(request, context: context)
        do {
            let cluster = try await clusters.create(try ClustersAPI.draft(Self.request(from: form)), as: identity)
            return .redirect(to: "/clusters/\(cluster.id)", type: .normal)
        } catch {
            let refusal = try FormRefusal(error)
            let content = try await self.form(form, refusal: refusal, identity: identity, context: context)
            return try pages.html(
                "cluster_form", title: pages.t("cluster_new", context), nav: "clusters", content: content, context: context,
                status: refusal.status)
        }
    }

    // MARK: a cluster's page

    struct MemberRow {
        let name: String
        let joinedOn: String
        let leftOn: String?
    }
    struct SeasonRow {
        let id: Int64
        let year: Int
        let status: String
    }
    struct ShowContent {
        let cluster: ClusterRecord
        let kindLabel: String
        let rotationLines: [String]
        let current: [MemberRow]
        let history: [MemberRow]
        let seasons: [SeasonRow]
        let hasSeasons: Bool
        let canConfigure: Bool
        let joinOptions: [Option]
        let leaveOptions: [Option]
        let today: String
        let flash: String?
    }

    /// Whether the forms are shown: a writer whose scope holds the organiser (the store decides in the end).
    func mayConfigure(_ cluster: ClusterRecord, _ identity: Identity) async -> Bool {
        guard identity.canWrite else { return false }
        return (try? await units.get(cluster.organiserUnitId, as: identity)) != nil
    }

    func render(
        _ id: Int64, identity: Identity, context: some SignedInRequestContext, flash: String? = nil, status: HTTPResponse.Status = .ok
    ) async throws -> Response {
        let cluster = try await clusters.get(id, as: identity)
        let canConfigure = await mayConfigure(cluster, identity)
        let current = Set(cluster.memberUnitIds)
        let candidates = canConfigure ? try await Self.unitsInScope(units, identity).filter { !current.contains($0.id) } : []
        let rule = cluster.rotation
        let rotation = [
            rule.leaderMayServeConsecutively ? "rotation_leader_again_yes" : "rotation_leader_again_no",
            rule.deputyMayServeConsecutively ? "rotation_deputy_again_yes" : "rotation_deputy_again_no",
            rule.deputyBecomesLeader ? "rotation_deputy_becomes_leader_yes" : "rotation_deputy_becomes_leader_no",
        ].map { pages.t($0, context) }
        let content = ShowContent(
            cluster: cluster, kindLabel: pages.t("cluster_kind_\(cluster.kind.rawValue)", context), rotationLines: rotation,
            current: cluster.members.filter { $0.leftOn == nil }.map { MemberRow(name: $0.unitName, joinedOn: $0.joinedOn, leftOn: nil) },
            history: cluster.members.map { MemberRow(name: $0.unitName, joinedOn: $0.joinedOn, leftOn: $0.leftOn) },
            seasons: cluster.seasons.reversed().map {
                SeasonRow(id: $0.id, year: $0.year, status: pages.t("season_status_\($0.status.rawValue)", context))
            },
            hasSeasons: !cluster.seasons.isEmpty, canConfigure: canConfigure,
            joinOptions: candidates.map { Option(value: String($0.id), label: "\($0.name) (\($0.code))", selected: false) },
            leaveOptions: cluster.members.filter { $0.leftOn == nil }.map {
                Option(value: String($0.unitId), label: $0.unitName, selected: false)
            },
            today: context.today.description, flash: flash)
        return try pages.html("cluster", title: cluster.name, nav: "clusters", content: content, context: context, status: status)
    }

    func show(_ request: Request, context: BrowseContext) async throws -> Response {
        let identity = context.identity
        let id = try context.pathId("id", notFound: "error.cluster_not_found")
        return try await render(
            id, identity: identity, context: context, flash: request.query("done").map { _ in pages.t("season_saved", context) })
    }

    /// `action` is `join` or `leave`; the unit and the date come from the form.
    func member(_ request: Request, context: WriteContext) async throws -> Response {
        let identity = context.identity
        let id = try context.pathId("id", notFound: "error.cluster_not_found")
        let form = try await FormData.read(request, context: context)
        do {
            let body = ClustersAPI.MemberRequest(
                unitId: form["unitId"].flatMap { Int64($0) }, date: form["date"], leave: form["action"] == "leave")
            let change = try ClustersAPI.memberChange(body, today: context.today)
            _ = try await clusters.changeMember(id, unitId: change.unitId, leave: change.leave, on: change.date, as: identity)
            return .redirect(to: "/clusters/\(id)?done=1", type: .normal)
        } catch {
            let refusal = try FormRefusal(error)
            return try await render(id, identity: identity, context: context, flash: refusal.flash(pages, context), status: refusal.status)
        }
    }
}
