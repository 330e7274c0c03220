import Foundation
import LaurelDomain
import LaurelStore

// A season, its ranking and its proposals as the API shows them (schemas `Season`, `Ranking`,
// `Proposal`): the API's own shapes, built from the store's, so a change to what is stored does
// not change the API unnoticed. Points are written as numbers with at most two decimals.

extension Points {
    /// Points as the API writes them.
    var apiNumber: Double { Double(hundredths) / 100 }
}

struct SeasonResponse: APIResponseBody {
    struct TargetSummary: Encodable, Sendable {
        let met: Int, total: Int, notReported: Int
    }
    struct Member: Encodable, Sendable {
        let unitId: Int64, unitName: String, signedCovenant: Bool, selfScored: Bool, verified: Bool, targets: TargetSummary
    }
    /// One line of the criteria table (schema `Criterion`).
    struct Criterion: Encodable, Sendable {
        let code: String, section: String, sectionTitle: String?, title: String, maxPoints: Double, kind: CriterionLine.Kind
    }
    struct Target: Encodable, Sendable {
        let unitId: Int64, code: String, title: String, measure: String, planned: Decimal, actual: Decimal?
        let direction: RegisteredTarget.Direction
    }
    /// Cross mode: a (scorer, target) pair still owed.
    struct CrossScoreGap: Encodable, Sendable {
        let scorerUnitId: Int64, targetUnitId: Int64
    }

    let id: Int64, clusterId: Int64, clusterName: String, organiserUnitId: Int64, year: Int, leaderUnitId: Int64
    let deputyUnitId: Int64, mode: ScoringMode, bonusCap: Double, maxTotal: Double, status: SeasonStatus, members: [Member]
    let criteria: [Criterion], rulesText: String, covenantText: String, covenantSignedOn: String?, reopenReasons: [String]
    let conferenceOn: String?, conferenceVenue: String?, conferenceAttendance: String?, targets: [Target]
    let missingCrossScores: [CrossScoreGap]

    init(_ season: SeasonRecord) {
        id = season.id
        clusterId = season.clusterId
        clusterName = season.clusterName
        organiserUnitId = season.organiserUnitId
        year = season.year
        leaderUnitId = season.leaderUnitId
        deputyUnitId = season.deputyUnitId
        mode = season.mode
        bonusCap = season.bonusCap.apiNumber
        maxTotal = season.maxTotal.apiNumber
        status = season.status
        members = season.members.map {
            Member(
                unitId: $0.unitId, unitName: $0.unitName, signedCovenant: $0.signedCovenant, selfScored: $0.selfScored,
                verified: $0.verified,
                targets: TargetSummary(met: $0.targets.met, total: $0.targets.total, notReported: $0.targets.notReported))
        }
        criteria = season.criteria.map {
            Criterion(
                code: $0.code, section: $0.section, sectionTitle: $0.sectionTitle, title: $0.title, maxPoints: $0.maxPoints.apiNumber,
                kind: $0.kind)
        }
        rulesText = season.rulesText
        covenantText = season.covenantText
        covenantSignedOn = season.covenantSignedOn
        reopenReasons = season.reopenReasons
        conferenceOn = season.conferenceOn
        conferenceVenue = season.conferenceVenue
        conferenceAttendance = season.conferenceAttendance
        targets = season.targets.map {
            Target(
                unitId: $0.unitId, code: $0.code, title: $0.title, measure: $0.measure, planned: $0.planned, actual: $0.actual,
                direction: $0.direction)
        }
        missingCrossScores = season.missingCrossScores.map { CrossScoreGap(scorerUnitId: $0.scorerUnitId, targetUnitId: $0.targetUnitId) }
    }
}

struct RankingResponse: APIResponseBody {
    struct Row: Encodable, Sendable {
        let rank: Int, unitId: Int64, unitName: String, final: Double, normalised: Double?, sections: [String: Double]
    }
    struct Pending: Encodable, Sendable {
        let unitId: Int64, unitName: String, reason: Ranking.PendingUnit.Reason
    }
    struct Section: Encodable, Sendable {
        let code: String, title: String
    }

    let seasonId: Int64, basis: RankingBasis, finalised: Bool, sectionOrder: [Section], rows: [Row]
    /// Unit ids not ranked yet.
    let pending: [Int64]
    let pendingDetails: [Pending]

    init(_ ranking: RankingRecord) {
        seasonId = ranking.seasonId
        basis = ranking.basis
        finalised = ranking.finalised
        sectionOrder = ranking.sectionOrder.map { Section(code: $0.code, title: $0.title) }
        rows = ranking.rows.map {
            Row(
                rank: $0.rank, unitId: $0.unitId, unitName: $0.unitName, final: $0.final.apiNumber, normalised: $0.normalised,
                sections: $0.sections.mapValues(\.apiNumber))
        }
        pending = ranking.pending
        pendingDetails = ranking.pendingDetails.map { Pending(unitId: $0.unitId, unitName: $0.unitName, reason: $0.reason) }
    }
}

struct ProposalResponse: APIResponseBody {
    let id: Int64, unitId: Int64, unitName: String, code: String, ballotId: Int64?
    /// The unit's final score and rank, when ranked.
    let final: Double?, rank: Int?
    /// Share of the votes in the ballot that proposed it.
    let voteShare: Double?

    init(_ proposal: ProposalRecord) {
        id = proposal.id
        unitId = proposal.unitId
        unitName = proposal.unitName
        code = proposal.code
        ballotId = proposal.ballotId
        final = proposal.final?.apiNumber
        rank = proposal.rank
        voteShare = proposal.voteShare
    }
}
