import Foundation
import LaurelDomain
import LaurelStore

/// The clusters scenario of `laurel bench`: a province with 30 clusters of 9 members and 60
/// criteria each; every member self-scores, the leaders verify, then every cluster is ranked.
enum ClusterBench {
    struct Figures: Codable {
        var clusters = 0, members = 0, criteria = 0
        var setupSeconds = 0.0
        var scoreWrites = 0, writeSeconds = 0.0, writeMedianMillis = 0.0, writeP95Millis = 0.0
        var rankingAllMillis = 0.0, rankingMedianMillis = 0.0
    }

    static func run(
        _ database: LaurelDatabase, as identity: Identity, clusters clusterCount: Int = 30, membersPerCluster: Int = 9,
        criteriaCount: Int = 60, seed: UInt64
    ) async throws -> Figures {
        var f = Figures()
        f.clusters = clusterCount
        f.members = membersPerCluster
        f.criteria = criteriaCount
        let code = "CLB\(seed)"
        let start = ContinuousClock.now
        let org = SyntheticOrganisation.province(code: code, unitCount: clusterCount * membersPerCluster + 20, peopleCount: 0, seed: seed)
        let ids = try await database.transaction { db in try await BulkLoader.insertUnits(db, org.units) }
        guard let province = ids[code] else { throw BenchRunner.BenchError("no bench province") }
        let memberIds = org.units.dropFirst().map(\.code).compactMap { ids[$0] }.sorted()
        // Sections of ten criteria; the last section holds a bonus and a deduction.
        var lines: [CriterionLine] = []
        for index in 0..<criteriaCount {
            let section = "S\(index / 10 + 1)"
            let kind: CriterionLine.Kind = index == criteriaCount - 1 ? .deduction : index == criteriaCount - 2 ? .bonus : .criterion
            lines.append(
                CriterionLine(
                    code: "C\(index + 1)", section: section, sectionTitle: "Nhóm \(index / 10 + 1)", title: "Tiêu chí \(index + 1)",
                    maxPoints: 10, kind: kind))
        }
        let clusters = ClusterStore(database: database)
        let seasons = SeasonStore(database: database)
        var seasonMembers: [(Int64, [Int64])] = []
        for index in 0..<clusterCount {
            let members = Array(memberIds[(index * membersPerCluster)..<((index + 1) * membersPerCluster)])
            let cluster = try await clusters.create(
                ClusterDraft(
                    code: "\(code)-K\(index)", name: "Cụm \(index + 1)", kind: .cluster, organiserUnitId: province,
                    decisionNumber: "\(index)/QĐ",
                    decisionDate: CalendarDate(year: 2025, month: 1, day: 2)!, memberUnitIds: members), as: identity)
            let season = try await seasons.create(
                clusterId: cluster.id,
                SeasonDraft(
                    year: 2025, leaderUnitId: members[0], deputyUnitId: members[1], mode: .verification, bonusCap: 10, criteria: lines),
                as: identity)
            seasonMembers.append((season.id, members))
        }
        f.setupSeconds = seconds(since: start)

        var random = SplitMix64(seed: seed)
        var latencies: [Double] = []
        let writesStart = ContinuousClock.now
        for (seasonId, members) in seasonMembers {
            for member in members {
                var scores: [String: Points] = [:]
                for line in lines {
                    let value = Int(random.next() % 1001)  // 0.00 … 10.00
                    scores[line.code] = Points(hundredths: line.kind == .deduction ? -(value / 4) : value)
                }
                let sheet = ScoreSheet(scores)
                let t0 = ContinuousClock.now
                _ = try await seasons.submitSelfScore(seasonId, unitId: member, sheet: sheet, as: identity)
                latencies.append(seconds(since: t0) * 1000)
                let verifier = member == members[0] ? members[1] : members[0]
                let t1 = ContinuousClock.now
                _ = try await seasons.verify(seasonId, unitId: member, sheet: sheet, verifier: verifier, as: identity)
                latencies.append(seconds(since: t1) * 1000)
            }
        }
        f.writeSeconds = seconds(since: writesStart)
        f.scoreWrites = latencies.count
        latencies.sort()
        f.writeMedianMillis = latencies[latencies.count / 2]
        f.writeP95Millis = latencies[min(latencies.count - 1, latencies.count * 95 / 100)]

        var rankings: [Double] = []
        let rankingStart = ContinuousClock.now
        for (seasonId, _) in seasonMembers {
            let t0 = ContinuousClock.now
            let ranking = try await seasons.ranking(seasonId, as: identity)
            guard ranking.rows.count == membersPerCluster else { throw BenchRunner.BenchError("a cluster was not fully ranked") }
            rankings.append(seconds(since: t0) * 1000)
        }
        f.rankingAllMillis = seconds(since: rankingStart) * 1000
        rankings.sort()
        f.rankingMedianMillis = rankings[rankings.count / 2]
        return f
    }
}
