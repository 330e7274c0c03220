/// Why a leadership election does not fit the cluster's rotation rule.
public enum RotationError: Error, Hashable, Sendable {
    case notAMember(Int64)
    /// The outgoing leader (or deputy) may not hold the same post again at once.
    case notReelectable(post: ClusterPost, unitId: Int64)
    /// Under `deputyBecomesLeader` the leader is not elected and must be the outgoing deputy.
    case leaderIsOutgoingDeputy(expected: Int64)
    /// One unit cannot hold both posts.
    case sameUnitForBothPosts(Int64)
    case noOneElected(ClusterPost)
    /// The ballot ended in a tie: the leaders decide, then call `nextLeadership(leader:deputy:…)`.
    case unresolvedTie(post: ClusterPost, candidates: [Int64])
    case moreThanOneElected(ClusterPost)
}

/// How a cluster rotates its leader and deputy, elected at the year-end summary conference to run
/// the next year (HD 1122/BTĐKT-VI 2011; TT 08/2018/TT-BNNPTNT: "bầu cụm trưởng, cụm phó luân
/// phiên hằng năm"). Set per cluster.
///
/// ```swift
/// let rule = RotationRule(deputyBecomesLeader: true)
/// try rule.validateCandidates([5, 6], for: .deputy, members: season.members, outgoing: season.leadership)
/// let next = try rule.nextLeadership(outgoing: season.leadership, members: season.members,
///                                    leaderElection: nil, deputyElection: deputyBallot.outcome())
/// let nextSeason = try season.nextSeason(leadership: next)
/// ```
public struct RotationRule: Hashable, Sendable, Codable {
    /// Whether the outgoing leader may be elected leader again at once (default: no — rotation).
    public var leaderMayServeConsecutively: Bool
    /// Whether the outgoing deputy may be elected deputy again at once (default: yes).
    public var deputyMayServeConsecutively: Bool
    /// The outgoing deputy becomes leader without a vote; only the deputy is elected.
    public var deputyBecomesLeader: Bool

    public init(
        leaderMayServeConsecutively: Bool = false, deputyMayServeConsecutively: Bool = true,
        deputyBecomesLeader: Bool = false
    ) {
        self.leaderMayServeConsecutively = leaderMayServeConsecutively
        self.deputyMayServeConsecutively = deputyMayServeConsecutively
        self.deputyBecomesLeader = deputyBecomesLeader
    }

    /// The members who may stand for `post`, ascending. Under `deputyBecomesLeader` the only
    /// "candidate" for leader is the outgoing deputy and the deputy cannot be the incoming leader.
    public func eligibleCandidates(for post: ClusterPost, members: [Int64], outgoing: ClusterLeadership) -> [Int64] {
        members.sorted().filter { ineligibility(of: $0, for: post, members: members, outgoing: outgoing) == nil }
    }

    /// Throws for the first candidate who may not stand for `post`.
    public func validateCandidates(
        _ candidates: [Int64], for post: ClusterPost, members: [Int64], outgoing: ClusterLeadership
    ) throws(RotationError) {
        for candidate in candidates {
            if let problem = ineligibility(of: candidate, for: post, members: members, outgoing: outgoing) {
                throw problem
            }
        }
    }

    /// Next season's leadership from the election outcomes. `leaderElection` is ignored (and may be
    /// nil) under `deputyBecomesLeader`; otherwise each outcome must elect exactly one unit.
    public func nextLeadership(
        outgoing: ClusterLeadership, members: [Int64], leaderElection: BallotOutcome?, deputyElection: BallotOutcome
    ) throws(RotationError) -> ClusterLeadership {
        let leader =
            deputyBecomesLeader
            ? outgoing.deputyUnitId
            : try Self.single(elected: leaderElection, post: .leader)
        let deputy = try Self.single(elected: deputyElection, post: .deputy)
        return try nextLeadership(leader: leader, deputy: deputy, outgoing: outgoing, members: members)
    }

    /// Next season's leadership from chosen units — after an election, or after the leaders
    /// decided a tie the ballots could not break. Checks both against the rule.
    public func nextLeadership(
        leader: Int64, deputy: Int64, outgoing: ClusterLeadership, members: [Int64]
    ) throws(RotationError) -> ClusterLeadership {
        guard leader != deputy else { throw .sameUnitForBothPosts(leader) }
        try validateCandidates([leader], for: .leader, members: members, outgoing: outgoing)
        try validateCandidates([deputy], for: .deputy, members: members, outgoing: outgoing)
        return ClusterLeadership(leaderUnitId: leader, deputyUnitId: deputy)
    }

    private func ineligibility(
        of unit: Int64, for post: ClusterPost, members: [Int64], outgoing: ClusterLeadership
    ) -> RotationError? {
        guard members.contains(unit) else { return .notAMember(unit) }
        switch post {
        case .leader:
            if deputyBecomesLeader {
                return unit == outgoing.deputyUnitId ? nil : .leaderIsOutgoingDeputy(expected: outgoing.deputyUnitId)
            }
            if !leaderMayServeConsecutively, unit == outgoing.leaderUnitId {
                return .notReelectable(post: .leader, unitId: unit)
            }
        case .deputy:
            if deputyBecomesLeader, unit == outgoing.deputyUnitId {
                return .sameUnitForBothPosts(unit)
            }
            if !deputyMayServeConsecutively, unit == outgoing.deputyUnitId {
                return .notReelectable(post: .deputy, unitId: unit)
            }
        }
        return nil
    }

    private static func single(elected outcome: BallotOutcome?, post: ClusterPost) throws(RotationError) -> Int64 {
        guard let outcome else { throw .noOneElected(post) }
        if outcome.elected.isEmpty, !outcome.tie.isEmpty { throw .unresolvedTie(post: post, candidates: outcome.tie) }
        guard let first = outcome.elected.first else { throw .noOneElected(post) }
        guard outcome.elected.count == 1 else { throw .moreThanOneElected(post) }
        return first
    }
}
