/// On whose behalf an account acts for a unit: the rules the cluster, season and ballot stores
/// enforce and the pages ask (`SeasonPolicy` builds on them).
extension Identity {
    public var isAdmin: Bool { role == .admin }

    /// Whether this account speaks for `unitId` in a cluster or a ballot: an admin for anyone, an
    /// officer for its own unit only (not for the units below it: a member writes its own scores).
    public func actsFor(_ unitId: Int64) -> Bool {
        isAdmin || (role == .officer && account.unitId == unitId)
    }

    /// Voting is open to the voting unit's officers and leaders (and to an admin recording paper
    /// ballots); auditors and staff never vote.
    public func votesFor(_ unitId: Int64) -> Bool {
        isAdmin || ([.officer, .leader, .council].contains(role) && account.unitId == unitId)
    }

    /// The units whose vote this reader may be told about while a round runs: its own unit, when
    /// it votes for it. (An admin records paper ballots for anyone, but is told no more than that.)
    public var votingUnits: Set<Int64> {
        votesFor(account.unitId) ? [account.unitId] : []
    }
}
