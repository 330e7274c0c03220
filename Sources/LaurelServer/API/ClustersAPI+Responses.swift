import LaurelDomain
import LaurelStore

// A cluster as the API shows it (schema `Cluster`): the API's own shape, built from the store's.

struct ClusterResponse: APIResponseBody {
    struct Member: Encodable, Sendable {
        let unitId: Int64, unitName: String, joinedOn: String, leftOn: String?
    }
    struct SeasonSummary: Encodable, Sendable {
        let id: Int64, year: Int, status: SeasonStatus
    }
    struct Rotation: Encodable, Sendable {
        let leaderMayServeConsecutively: Bool, deputyMayServeConsecutively: Bool, deputyBecomesLeader: Bool
    }

    let id: Int64, code: String, name: String, kind: ClusterKind, organiserUnitId: Int64, organiserName: String
    let decisionNumber: String, decisionDate: String, rotation: Rotation
    /// Current members (no leaving date).
    let memberUnitIds: [Int64]
    /// Every membership, past ones included.
    let members: [Member]
    let seasons: [SeasonSummary]

    init(_ cluster: ClusterRecord) {
        id = cluster.id
        code = cluster.code
        name = cluster.name
        kind = cluster.kind
        organiserUnitId = cluster.organiserUnitId
        organiserName = cluster.organiserName
        decisionNumber = cluster.decisionNumber
        decisionDate = cluster.decisionDate
        rotation = Rotation(
            leaderMayServeConsecutively: cluster.rotation.leaderMayServeConsecutively,
            deputyMayServeConsecutively: cluster.rotation.deputyMayServeConsecutively,
            deputyBecomesLeader: cluster.rotation.deputyBecomesLeader)
        memberUnitIds = cluster.memberUnitIds
        members = cluster.members.map { Member(unitId: $0.unitId, unitName: $0.unitName, joinedOn: $0.joinedOn, leftOn: $0.leftOn) }
        seasons = cluster.seasons.map { SeasonSummary(id: $0.id, year: $0.year, status: $0.status) }
    }
}
