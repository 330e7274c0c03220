import Hummingbird
import LaurelDomain
import LaurelStore

/// The award catalogue: read by everyone, extended by administrators.
struct CatalogueAPI {
    let catalogue: CatalogueStore
    /// Told when an entry is added, so every route reads it at once.
    let live: LiveCatalogue

    func register(on routes: APIRoutes) {
        routes.any.on(Contract.list, use: list)
        routes.admin.on(Contract.create, use: create)
    }

    struct EntryRequest: Decodable, Sendable {
        var code: String?
        var category: String?
        var nameVi: String?
        var nameEn: String?
        var subjectKinds: [String]?
        var awardingLevel: String?
        var annual: Bool?
        var coefficientIndividual: Double?
        var coefficientCollective: Double?
        var legalBasis: String?
        var note: String?
    }

    static func item(_ body: EntryRequest) throws -> CatalogueItem {
        var errors: [DomainError] = []
        let code = Validate.code(body.code, field: "code", into: &errors)
        let category = Validate.choice(
            body.category ?? AwardCategory.commendationForm.rawValue, as: AwardCategory.self, field: "category", into: &errors)
        let nameVi = Validate.name(body.nameVi, field: "nameVi", into: &errors)
        let nameEn = Validate.name(body.nameEn ?? body.nameVi, field: "nameEn", into: &errors)
        var kinds: [SubjectKind] = []
        for raw in body.subjectKinds ?? [] {
            if let kind = Validate.choice(raw, as: SubjectKind.self, field: "subjectKinds", into: &errors) { kinds.append(kind) }
        }
        if kinds.isEmpty && errors.allSatisfy({ $0.field != "subjectKinds" }) {
            errors.append(.invalid("error.required", field: "subjectKinds"))
        }
        let level = Validate.choice(body.awardingLevel, as: AwardingLevel.self, field: "awardingLevel", into: &errors)
        for (field, value) in [
            ("coefficientIndividual", body.coefficientIndividual), ("coefficientCollective", body.coefficientCollective),
        ] {
            if let value, !(0...1000).contains(value) { errors.append(.invalid("error.coefficient_out_of_range", field: field)) }
        }
        let basis = Validate.name(body.legalBasis, field: "legalBasis", into: &errors)
        let note = Validate.optionalText(body.note, field: "note", max: 1000, into: &errors)
        guard errors.isEmpty, let category, let level else { throw ValidationErrors(errors) }
        return CatalogueItem(
            code: code, category: category, nameVi: nameVi, nameEn: nameEn, subjectKinds: kinds, awardingLevel: level,
            annual: body.annual ?? false, coefficientIndividual: body.coefficientIndividual,
            coefficientCollective: body.coefficientCollective, legalBasis: basis, note: note)
    }

    /// An entry as the API shows it (schema `CatalogueItem`).
    struct CatalogueItemResponse: APIResponseBody {
        let code: String, category: AwardCategory, nameVi: String, nameEn: String, subjectKinds: [SubjectKind]
        let awardingLevel: AwardingLevel, annual: Bool, coefficientIndividual: Double?, coefficientCollective: Double?
        let legalBasis: String, ruleReference: String, note: String?, builtin: Bool

        init(_ item: CatalogueItem) {
            code = item.code
            category = item.category
            nameVi = item.nameVi
            nameEn = item.nameEn
            subjectKinds = item.subjectKinds
            awardingLevel = item.awardingLevel
            annual = item.annual
            coefficientIndividual = item.coefficientIndividual
            coefficientCollective = item.coefficientCollective
            legalBasis = item.legalBasis
            ruleReference = item.ruleReference
            note = item.note
            builtin = item.builtin
        }
    }

    func list(_ request: Request, context: SignedInContext) async throws -> Response {
        let items = try await catalogue.list().map(CatalogueItemResponse.init)
        return try JSON.response(ListResponse(items: items, total: items.count, page: 1, per: max(1, items.count)))
    }

    func create(_ request: Request, context: AdminContext) async throws -> Response {
        let identity = context.identity
        let body = try await RequestBody.decode(EntryRequest.self, for: Contract.create, from: request, context: context)
        let created = try await catalogue.create(try Self.item(body.value), as: identity)
        live.invalidate()
        return try JSON.response(CatalogueItemResponse(created), status: .created)
    }
}
