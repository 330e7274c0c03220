import Hummingbird
import LaurelStore

/// Movements, registrations, clusters, seasons and ballots: their stores, API and pages.
struct ClusterRoutes {
    let movements: MovementStore
    let registrations: RegistrationStore
    let clusters: ClusterStore
    let seasons: SeasonStore
    let ballots: BallotStore
    let dependencies: AppDependencies

    init(_ dependencies: AppDependencies) {
        let database = dependencies.database
        movements = MovementStore(database: database)
        registrations = RegistrationStore(database: database)
        clusters = ClusterStore(database: database)
        seasons = SeasonStore(database: database)
        ballots = BallotStore(database: database)
        self.dependencies = dependencies
    }

    func registerAPI(on group: RouterGroup<AppRequestContext>) {
        MovementsAPI(movements: movements).register(on: group)
        RegistrationsAPI(registrations: registrations).register(on: group)
        RegistrationListAPI(registrations: registrations, localisation: dependencies.localisation).register(on: group)
        ClustersAPI(clusters: clusters, seasons: seasons).register(on: group)
        SeasonsAPI(seasons: seasons, localisation: dependencies.localisation).register(on: group)
        BallotsAPI(ballots: ballots).register(on: group)
    }

    func registerPages(on group: RouterGroup<AppRequestContext>) {
        let pages = dependencies.pages
        MovementPages(movements: movements, units: dependencies.units, pages: pages).register(on: group)
        RegistrationPages(registrations: registrations, units: dependencies.units, people: dependencies.people, pages: pages).register(on: group)
        SeasonPages(clusters: clusters, seasons: seasons, ballots: ballots, pages: pages).register(on: group)
        BallotPages(ballots: ballots, pages: pages).register(on: group)
        MinutesPages(seasons: seasons, ballots: ballots, pages: pages).register(on: group)
        ClusterPages(clusters: clusters, units: dependencies.units, pages: pages).register(on: group)
        SeasonFormPages(clusters: clusters, seasons: seasons, units: dependencies.units, pages: pages).register(on: group)
        SeasonSetupPages(seasons: seasons, units: dependencies.units, pages: pages).register(on: group)
        CrossScoringPages(seasons: seasons, pages: pages).register(on: group)
        SeasonVotesPages(seasons: seasons, ballots: ballots, pages: pages).register(on: group)
    }
}
