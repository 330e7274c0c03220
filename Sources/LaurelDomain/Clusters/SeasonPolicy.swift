/// Who may do what in one season of a cluster (cụm/khối thi đua): the one statement of the rule.
/// The season and ballot stores enforce it, the API goes through them, and the pages ask it only
/// to show the forms that would be accepted.
///
/// Pure: built from the identity (its role, its unit, its scope) and where the season sits (the
/// organising unit's path, the leader, the deputy, the members).
///
/// - The **organiser's writers** (a writing role whose scope holds the organising unit) configure
///   the season, reopen it and open next year's.
/// - They and the **leader's officers** preside: finalise, covenant, conference, proposals, ballots.
/// - A member's **own officers** (or an admin) score for it; the leader's and the deputy's officers
///   verify the others; the organiser's writers may also register a member's targets.
public struct SeasonPolicy: Sendable, Equatable {
    public let identity: Identity
    public let leadership: ClusterLeadership
    /// Member unit ids.
    public let members: Set<Int64>
    /// The identity's scope holds the organising unit (its own unit or one above it).
    public let seesOrganiser: Bool

    public init(identity: Identity, organiserPath: UnitPath, leadership: ClusterLeadership, members: some Sequence<Int64>) {
        self.identity = identity
        self.leadership = leadership
        self.members = Set(members)
        self.seesOrganiser = identity.scope.contains(organiserPath)
    }

    /// Configure the season, reopen it, open next year's season (the organising council's writers).
    public var mayOrganise: Bool { identity.canWrite && seesOrganiser }

    /// Preside over the year: finalise, covenant, conference, proposals, the season's ballots.
    public var mayPreside: Bool { identity.canWrite && (seesOrganiser || identity.actsFor(leadership.leaderUnitId)) }

    /// Propose a member for a flag or certificate at the summary conference.
    public var mayPropose: Bool { mayPreside }

    /// Open a ballot about this season.
    public var mayRunBallots: Bool { mayPreside }

    /// Write `unit`'s own sheets (self-score; cross scores given by it) and read the cross sheets it gave.
    public func mayScore(for unit: Int64) -> Bool { identity.actsFor(unit) }

    /// Register a member's targets: its own officers or the organiser's writers.
    public func mayRegisterTargets(for unit: Int64) -> Bool {
        identity.canWrite && (identity.actsFor(unit) || seesOrganiser)
    }

    /// Vote in a season's ballot for the voting unit `unit`.
    public func mayVote(for unit: Int64) -> Bool { identity.votesFor(unit) }

    /// The member this identity scores for as its own: an officer of a member unit (an admin speaks
    /// for every member but has none of its own).
    public var ownMember: Int64? {
        identity.role == .officer && members.contains(identity.account.unitId) ? identity.account.unitId : nil
    }

    /// Verify (and re-score) `target`: an admin, or an officer of a unit that verifies it (the
    /// leader's or the deputy's, never its own).
    public func mayVerify(_ target: Int64) -> Bool {
        guard members.contains(target) else { return false }
        return identity.isAdmin || (identity.role == .officer && verifiers(of: target).contains(identity.account.unitId))
    }

    /// The unit on whose behalf a verification is written, or nil when this identity verifies for
    /// no one: an admin names the verifier (else the target's first verifier, else the leader); an
    /// officer verifies for its own unit only. Whether that unit verifies `target` at all is the
    /// season's rule (`Season.verify`), which gives the precise refusal.
    public func verifyingUnit(for target: Int64, named: Int64?) -> Int64? {
        if identity.isAdmin { return named ?? verifiers(of: target).first ?? leadership.leaderUnitId }
        guard identity.role == .officer, named == nil || named == identity.account.unitId else { return nil }
        return identity.account.unitId
    }

    /// See who has cross-scored whom: the admin, the organiser's side and the leader's unit.
    public var mayFollowScoring: Bool {
        identity.isAdmin || seesOrganiser || identity.account.unitId == leadership.leaderUnitId
    }

    private func verifiers(of target: Int64) -> [Int64] {
        members.contains(target) ? Season.verifiers(of: target, leader: leadership.leaderUnitId, deputy: leadership.deputyUnitId) : []
    }

    /// The catalogue entries a season may propose at its summary conference: every collective
    /// code of the catalogue (flags, certificates, orders), in catalogue order.
    public static func proposableAwards(in catalogue: AwardCatalogue) -> [AwardCatalogueEntry] {
        catalogue.entries.filter { $0.isFor(.collective) }
    }

    /// Whether `code` may be proposed: a collective code of the catalogue.
    public static func mayPropose(code: String, in catalogue: AwardCatalogue) -> Bool {
        catalogue.entry(for: code)?.isFor(.collective) == true
    }
}
