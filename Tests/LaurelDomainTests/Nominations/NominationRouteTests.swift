import Foundation
import LaurelDomain
import Testing

@Suite("Nominations: the route up")
struct NominationRouteTests {
    static let root = RouteUnit(id: 1, kind: .organisation, level: .central)
    static let ministry = RouteUnit(id: 2, kind: .ministry, level: .central)
    static let province = RouteUnit(id: 10, kind: .province, level: .provincial)
    static let department = RouteUnit(id: 11, kind: .department, level: .provincial)
    static let commune = RouteUnit(id: 20, kind: .commune, level: .grassroots)
    static let school = RouteUnit(id: 30, kind: .school, level: .grassroots)
    static let university = RouteUnit(id: 40, kind: .school, level: .grassroots)

    @Test func aSchoolUnderACommuneSendsItsCSTDCSToTheCommune() throws {
        let route = try NominationRoute.plan(chain: [Self.school, Self.commune, Self.province, Self.root], level: .grassroots)
        #expect(route.stages == [20] && route.deciderUnitId == 20)
    }

    @Test func aDepartmentDecidesItsOwnGrassrootsTitles() throws {
        let route = try NominationRoute.plan(chain: [Self.department, Self.province, Self.root], level: .grassroots)
        #expect(route.stages == [11])
    }

    @Test func aUnitDirectlyUnderAMinistryDecidesItsGrassrootsTitles() throws {
        let route = try NominationRoute.plan(chain: [Self.university, Self.ministry, Self.root], level: .grassroots)
        #expect(route.stages == [40])
    }

    @Test func aDepartmentUnderAProvinceSendsBKBOToTheProvince() throws {
        let route = try NominationRoute.plan(chain: [Self.department, Self.province, Self.root], level: .ministryProvince)
        #expect(route.stages == [10] && route.deciderUnitId == 10)
    }

    @Test func aSchoolsBKBOIsReviewedByTheCommuneOnTheWay() throws {
        let chain = [Self.school, Self.commune, Self.province, Self.root]
        #expect(try NominationRoute.plan(chain: chain, level: .ministryProvince).stages == [20, 10])
        let provinceOnly = ReviewPolicy(reviewingKinds: [.province])
        #expect(try NominationRoute.plan(chain: chain, level: .ministryProvince, policy: provinceOnly).stages == [10])
    }

    @Test func aProvincesCSTDTQGoesToTheRoot() throws {
        let route = try NominationRoute.plan(chain: [Self.province, Self.root], level: .primeMinister)
        #expect(route.stages == [1] && route.deciderUnitId == 1)
        let fromCommune = try NominationRoute.plan(chain: [Self.commune, Self.province, Self.root], level: .president)
        #expect(fromCommune.stages == [10, 1])
        // The root reviews even when the policy lists no kind at all.
        let none = ReviewPolicy(reviewingKinds: [])
        #expect(try NominationRoute.plan(chain: [Self.commune, Self.province, Self.root], level: .president, policy: none).stages == [1])
    }

    @Test func aProvinceOnlyAwardSkipsAMinistry() throws {
        #expect(throws: NominationRouteError.noDecider(.province)) {
            try NominationRoute.plan(chain: [Self.university, Self.ministry, Self.root], level: .province)
        }
        #expect(try NominationRoute.plan(chain: [Self.commune, Self.province, Self.root], level: .province).stages == [10])
    }

    @Test func noDeciderOrNoChainIsAnError() {
        #expect(throws: NominationRouteError.emptyChain) { try NominationRoute.plan(chain: [], level: .grassroots) }
        #expect(throws: NominationRouteError.noDecider(.grassroots)) {
            try NominationRoute.plan(chain: [Self.school, Self.province, Self.root], level: .grassroots)
        }
    }

    @Test func thePolicyIsStoredAsJSON() throws {
        let policy = ReviewPolicy(reviewingKinds: [.province, .commune])
        let decoded = try JSONDecoder().decode(ReviewPolicy.self, from: JSONEncoder().encode(policy))
        #expect(decoded == policy)
    }
}
