import Hummingbird
import LaurelStore

/// The routes of the record and award register (issue 3): assessments, initiatives, the catalogue,
/// the register, record pages, imports and exports. Built from the shared dependencies.
struct RecordRoutes {
    let d: AppDependencies
    let assessments: AssessmentStore
    let awards: AwardStore
    let initiatives: InitiativeStore
    let catalogue: CatalogueStore
    let records: RecordStore
    let imports: ImportService
    let exports: ExportService

    init(_ d: AppDependencies) {
        self.d = d
        assessments = AssessmentStore(database: d.database)
        awards = AwardStore(database: d.database)
        initiatives = InitiativeStore(database: d.database)
        catalogue = CatalogueStore(database: d.database)
        records = RecordStore(database: d.database)
        imports = ImportService(database: d.database, gate: d.heavyWork)
        exports = ExportService(units: d.units, people: d.people, assessments: assessments, awards: awards, gate: d.heavyWork)
    }

    func registerAPI(on routes: APIRoutes) {
        RecordsAPI(assessments: assessments, records: records).register(on: routes)
        AwardsAPI(awards: awards).register(on: routes)
        InitiativesAPI(initiatives: initiatives).register(on: routes)
        CatalogueAPI(catalogue: catalogue, live: d.catalogue).register(on: routes)
        ImportsAPI(imports: imports, localisation: d.localisation).register(on: routes)
        ExportsAPI(exports: exports).register(on: routes)
    }

    func registerPages(on routes: SignedInRoutes) {
        RecordPages(records: records, assessments: assessments, awards: awards, catalogue: catalogue, pages: d.pages).register(on: routes)
        ImportPages(imports: imports, exports: exports, localisation: d.localisation, pages: d.pages).register(on: routes)
        CataloguePages(catalogue: catalogue, live: d.catalogue, pages: d.pages).register(on: routes)
    }
}
