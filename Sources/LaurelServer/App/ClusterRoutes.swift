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

    func registerAPI(on routes: APIRoutes) {
        MovementsAPI(movements: movements).register(on: routes)
        RegistrationsAPI(registrations: registrations).register(on: routes)
        RegistrationListAPI(registrations: registrations, localisation: dependencies.localisation).register(on: routes)
        ClustersAPI(clusters: clusters, seasons: seasons).register(on: routes)
        SeasonsAPI(seasons: seasons, localisation: dependencies.localisation).register(on: routes)
        BallotsAPI(ballots: ballots).register(on: routes)
    }

    func registerPages(on routes: SignedInRoutes) {
        let pages = dependencies.pages
        MovementPages(movements: movements, units: dependencies.units, pages: pages).register(on: routes)
        RegistrationPages(registrations: registrations, units: dependencies.units, people: dependencies.people, pages: pages).register(
            on: routes)
        SeasonPages(clusters: clusters, seasons: seasons, ballots: ballots, pages: pages).register(on: routes)
        BallotPages(ballots: ballots, pages: pages).register(on: routes)
        MinutesPages(seasons: seasons, ballots: ballots, pages: pages).register(on: routes)
        ClusterPages(clusters: clusters, units: dependencies.units, pages: pages).register(on: routes)
        SeasonFormPages(clusters: clusters, seasons: seasons, units: dependencies.units, pages: pages).register(on: routes)
        SeasonSetupPages(seasons: seasons, pages: pages).register(on: routes)
        CrossScoringPages(seasons: seasons, pages: pages).register(on: routes)
        SeasonVotesPages(seasons: seasons, ballots: ballots, pages: pages).register(on: routes)
    }
}
