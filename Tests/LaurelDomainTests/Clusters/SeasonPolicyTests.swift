import Testing

@testable import LaurelDomain

/// Who may do what in a season. The tree: province 1 (/1/) holds the organising council 5
/// (/1/5/); the members 11 (leader), 12 (deputy), 13 and 14 sit under the province; province 2 is
/// elsewhere.
@Suite("SeasonPolicy: who organises, presides, scores, verifies, votes and proposes")
struct SeasonPolicyTests {
    static let organiser = UnitPath(value: "/1/5/")
    static let leadership = ClusterLeadership(leaderUnitId: 11, deputyUnitId: 12)
    static let members: [Int64] = [11, 12, 13, 14]

    static func policy(_ role: Role, unit: Int64, scope: Scope? = nil, members: [Int64] = members) -> SeasonPolicy {
        let path: UnitPath =
            switch unit {
            case 1: UnitPath(value: "/1/")
            case 2: UnitPath(value: "/2/")
            case 5: organiser
            default: UnitPath(value: "/1/\(unit)/")
            }
        let identity = Identity(
            account: Account(id: 1, username: "u", role: role, unitId: unit, personId: nil, active: true),
            scope: scope ?? (role == .admin ? .everything : .subtree(path)), scopeRootId: role == .admin ? nil : unit)
        return SeasonPolicy(identity: identity, organiserPath: organiser, leadership: leadership, members: members)
    }

    struct Expected: CustomTestStringConvertible, Sendable {
        let name: String, role: Role, unit: Int64
        let organise: Bool, preside: Bool, follow: Bool, own: Int64?
        var testDescription: String { name }
    }

    static let table: [Expected] = [
        Expected(name: "admin", role: .admin, unit: 1, organise: true, preside: true, follow: true, own: nil),
        Expected(name: "organiser's officer", role: .officer, unit: 5, organise: true, preside: true, follow: true, own: nil),
        Expected(name: "officer above the organiser", role: .officer, unit: 1, organise: true, preside: true, follow: true, own: nil),
        Expected(name: "organiser's auditor", role: .auditor, unit: 5, organise: false, preside: false, follow: true, own: nil),
        Expected(name: "organiser's council", role: .council, unit: 5, organise: false, preside: false, follow: true, own: nil),
        Expected(name: "leader's officer", role: .officer, unit: 11, organise: false, preside: true, follow: true, own: 11),
        Expected(name: "leader's leader role", role: .leader, unit: 11, organise: false, preside: false, follow: true, own: nil),
        Expected(name: "deputy's officer", role: .officer, unit: 12, organise: false, preside: false, follow: false, own: 12),
        Expected(name: "member's officer", role: .officer, unit: 13, organise: false, preside: false, follow: false, own: 13),
        Expected(name: "member's staff", role: .staff, unit: 13, organise: false, preside: false, follow: false, own: nil),
        Expected(name: "another province's officer", role: .officer, unit: 2, organise: false, preside: false, follow: false, own: nil),
    ]

    @Test(arguments: table)
    func organisingPresidingAndFollowing(_ row: Expected) {
        let policy = Self.policy(row.role, unit: row.unit)
        #expect(policy.mayOrganise == row.organise)
        #expect(policy.mayPreside == row.preside)
        #expect(policy.mayPropose == row.preside && policy.mayRunBallots == row.preside)
        #expect(policy.mayFollowScoring == row.follow)
        #expect(policy.ownMember == row.own)
    }

    @Test func scoringIsForTheUnitsOwnOfficersOrAnAdmin() {
        let member = Self.policy(.officer, unit: 13)
        #expect(member.mayScore(for: 13) && !member.mayScore(for: 14) && !member.mayScore(for: 11))
        #expect(!Self.policy(.officer, unit: 5).mayScore(for: 13), "the organiser does not score for a member")
        #expect(!Self.policy(.leader, unit: 13).mayScore(for: 13), "a leader role reads, it does not score")
        #expect(!Self.policy(.council, unit: 13).mayScore(for: 13))
        let admin = Self.policy(.admin, unit: 1)
        #expect(Self.members.allSatisfy { admin.mayScore(for: $0) })
    }

    @Test func targetsAreTheMembersOfficersOrTheOrganisersWriters() {
        #expect(Self.policy(.officer, unit: 13).mayRegisterTargets(for: 13))
        #expect(!Self.policy(.officer, unit: 13).mayRegisterTargets(for: 14))
        #expect(Self.policy(.officer, unit: 5).mayRegisterTargets(for: 14))
        #expect(Self.policy(.officer, unit: 1).mayRegisterTargets(for: 14))
        #expect(!Self.policy(.auditor, unit: 5).mayRegisterTargets(for: 14), "seeing the organiser is not writing")
        #expect(!Self.policy(.officer, unit: 2).mayRegisterTargets(for: 14))
    }

    @Test func theLeaderAndTheDeputyVerifyTheOthersNeverThemselves() {
        let leader = Self.policy(.officer, unit: 11)
        let deputy = Self.policy(.officer, unit: 12)
        #expect(!leader.mayVerify(11) && leader.mayVerify(12) && leader.mayVerify(13) && leader.mayVerify(14))
        #expect(deputy.mayVerify(11) && !deputy.mayVerify(12) && deputy.mayVerify(13))
        #expect(!Self.policy(.officer, unit: 13).mayVerify(14), "a plain member verifies no one")
        #expect(!Self.policy(.officer, unit: 5).mayVerify(13), "nor does the organiser")
        #expect(!Self.policy(.leader, unit: 11).mayVerify(13), "only an officer verifies for the leader")
        #expect(Self.members.allSatisfy { Self.policy(.admin, unit: 1).mayVerify($0) })
        // Not a member: no one verifies it, not even an admin.
        #expect(!leader.mayVerify(99) && !Self.policy(.admin, unit: 1).mayVerify(99))
    }

    @Test func theVerifyingUnitIsTheOfficersOwnOrTheOneAnAdminNames() {
        let admin = Self.policy(.admin, unit: 1)
        #expect(admin.verifyingUnit(for: 13, named: nil) == 11)
        #expect(admin.verifyingUnit(for: 11, named: nil) == 12, "the leader's unit is verified by the deputy")
        #expect(admin.verifyingUnit(for: 13, named: 12) == 12)
        #expect(admin.verifyingUnit(for: 99, named: nil) == 11, "not a member: the leader, and the season refuses")
        let leader = Self.policy(.officer, unit: 11)
        #expect(leader.verifyingUnit(for: 13, named: nil) == 11 && leader.verifyingUnit(for: 13, named: 11) == 11)
        #expect(leader.verifyingUnit(for: 13, named: 12) == nil, "an officer cannot verify in another unit's name")
        // An officer of any unit verifies as its own; the season's rule then refuses a non-verifier.
        #expect(Self.policy(.officer, unit: 13).verifyingUnit(for: 14, named: nil) == 13)
        for role in [Role.leader, .council, .staff, .auditor] {
            #expect(Self.policy(role, unit: 11).verifyingUnit(for: 13, named: nil) == nil, "\(role)")
        }
    }

    @Test func votingIsForTheVotingUnitsOfficersLeadersAndCouncil() {
        for role in [Role.officer, .leader, .council] {
            let policy = Self.policy(role, unit: 13)
            #expect(policy.mayVote(for: 13) && !policy.mayVote(for: 14), "\(role)")
        }
        for role in [Role.staff, .auditor] { #expect(!Self.policy(role, unit: 13).mayVote(for: 13), "\(role)") }
        #expect(Self.policy(.admin, unit: 1).mayVote(for: 14), "an admin records paper ballots")
        let identity = Identity(
            account: Account(id: 1, username: "u", role: .auditor, unitId: 13, personId: nil, active: true),
            scope: .subtree(UnitPath(value: "/1/13/")), scopeRootId: 13)
        #expect(identity.votingUnits.isEmpty)
    }

    @Test func anOfficerOfANonMemberHasNoOwnMember() {
        #expect(Self.policy(.officer, unit: 13, members: [11, 12, 14]).ownMember == nil)
        #expect(Self.policy(.officer, unit: 13, members: [11, 12, 14]).mayVerify(13) == false)
    }

    @Test func proposableAwardsAreTheCollectiveCodesOfTheCatalogue() {
        let catalogue = AwardCatalogue.standard
        let codes = SeasonPolicy.proposableAwards(in: catalogue).map(\.code)
        #expect(codes == catalogue.entries.filter { $0.isFor(.collective) }.map(\.code))
        #expect(codes.contains("CTD_BO") && codes.contains("BK_BO") && codes.contains("HCLD3") && codes.contains("TTLDXS"))
        #expect(!codes.contains("CSTDCS") && !codes.contains("LDTT") && !codes.contains("GDVH"))
        for code in codes { #expect(SeasonPolicy.mayPropose(code: code, in: catalogue)) }
        for bad in ["CSTDCS", "GDVH", "", "ctd_bo", "CTD_BO ", "NOPE", "CTD"] {
            #expect(!SeasonPolicy.mayPropose(code: bad, in: catalogue), "\(bad)")
        }
        let custom = AwardCatalogue(entries: catalogue.entries.filter { $0.code == "LDTT" })
        #expect(SeasonPolicy.proposableAwards(in: custom).isEmpty)
    }
}
