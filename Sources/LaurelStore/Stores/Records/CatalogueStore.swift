import Foundation
import LaurelDomain
import SQLKit

/// A title or form of the catalogue as stored: the standard ones and those an administrator added.
public struct CatalogueItem: Codable, Sendable, Equatable {
    public var code: String
    public var category: AwardCategory
    public var nameVi: String
    public var nameEn: String
    public var subjectKinds: [SubjectKind]
    public var awardingLevel: AwardingLevel
    public var annual: Bool
    /// Coefficients of the decree in force, as numbers (1.5 × base salary).
    public var coefficientIndividual: Double?
    public var coefficientCollective: Double?
    public var legalBasis: String
    public var ruleReference: String
    public var note: String?
    public var builtin: Bool

    public init(
        code: String, category: AwardCategory, nameVi: String, nameEn: String, subjectKinds: [SubjectKind],
        awardingLevel: AwardingLevel, annual: Bool, coefficientIndividual: Double?, coefficientCollective: Double?,
        legalBasis: String, ruleReference: String = "configurable", note: String? = nil, builtin: Bool = false
    ) {
        self.code = code
        self.category = category
        self.nameVi = nameVi
        self.nameEn = nameEn
        self.subjectKinds = subjectKinds
        self.awardingLevel = awardingLevel
        self.annual = annual
        self.coefficientIndividual = coefficientIndividual
        self.coefficientCollective = coefficientCollective
        self.legalBasis = legalBasis
        self.ruleReference = ruleReference
        self.note = note
        self.builtin = builtin
    }
}

extension CatalogueItem {
    /// As the domain reads it: a built-in entry is the compiled one (it carries each decree's
    /// coefficients and the law's references); an entry an administrator added gets its stored
    /// coefficients from the current decree on, and no rule of its own (eligibility says so).
    public func entry(compiled: AwardCatalogue = .standard) -> AwardCatalogueEntry {
        if builtin, let known = compiled.entry(for: code) { return known }
        let basis = LegalReference(legalBasis)
        return AwardCatalogueEntry(
            code: code, category: category, nameVi: nameVi, nameEn: nameEn, subjectKinds: subjectKinds, awardingLevel: awardingLevel,
            annual: annual,
            coefficients: [
                BonusCoefficients(
                    validFrom: CalendarDate(year: 2025, month: 7, day: 1)!, decree: basis,
                    individual: coefficientIndividual.map { Coefficient(thousandths: Int(($0 * 1000).rounded())) },
                    collective: coefficientCollective.map { Coefficient(thousandths: Int(($0 * 1000).rounded())) })
            ],
            legalBasis: [basis], ruleReference: ruleReference, note: note)
    }
}

/// The award catalogue as data. Entries are added, never deleted: register rows point at their codes.
public struct CatalogueStore: Sendable {
    let database: LaurelDatabase

    public init(database: LaurelDatabase) { self.database = database }

    struct Row: Decodable {
        let code: String, category: String, nameVi: String, nameEn: String, subjectKinds: String, awardingLevel: String
        let annual: Bool, coefficientIndividual: Int?, coefficientCollective: Int?, legalBasis: String, ruleReference: String
        let note: String?, builtin: Bool

        /// The row as an item; a category, subject kind or level that names no case is an error.
        func item() throws -> CatalogueItem {
            CatalogueItem(
                code: code, category: try StoredChoice.read(category, "award_types.category"), nameVi: nameVi, nameEn: nameEn,
                subjectKinds: try subjectKinds.split(separator: ",").map { try StoredChoice.read(String($0), "award_types.subject_kinds") },
                awardingLevel: try StoredChoice.read(awardingLevel, "award_types.awarding_level"), annual: annual,
                coefficientIndividual: coefficientIndividual.map { Double($0) / 1000 },
                coefficientCollective: coefficientCollective.map { Double($0) / 1000 },
                legalBasis: legalBasis, ruleReference: ruleReference, note: note, builtin: builtin)
        }
    }

    static func all(_ db: any SQLDatabase) async throws -> [CatalogueItem] {
        try await db.select().columns(
            "code", "category", "name_vi", "name_en", "subject_kinds", "awarding_level", "annual",
            "coefficient_individual", "coefficient_collective", "legal_basis", "rule_reference", "note", "builtin"
        )
        .from("award_types").orderBy("position").orderBy("code")
        .all(decoding: Row.self, keyDecodingStrategy: .convertFromSnakeCase).map { try $0.item() }
    }

    /// The catalogue every rule and form reads: the stored entries, in catalogue order.
    public func catalogue() async throws -> AwardCatalogue {
        AwardCatalogue(entries: try await list().map { $0.entry() })
    }

    /// Every entry, in catalogue order; any signed-in account may read it.
    public func list() async throws -> [CatalogueItem] {
        try await database.read { db in try await Self.all(db) }
    }

    public func get(_ code: String) async throws -> CatalogueItem {
        guard let item = try await list().first(where: { $0.code == code }) else {
            throw DomainError(.notFound, "error.award_code_not_found")
        }
        return item
    }

    /// Adds an entry (a ministry's commemorative medal, a province's own title). Admins only.
    public func create(_ item: CatalogueItem, as identity: Identity) async throws -> CatalogueItem {
        try Permissions.requireAdmin(identity)
        return try await database.transaction { db in
            if try await db.select().column("code").from("award_types").where("code", .equal, SQLBind(item.code)).first() != nil {
                throw DomainError(.conflict, "error.code_taken", field: "code")
            }
            let position =
                try await db.select().column(SQLFunction("MAX", args: SQLColumn("position")), as: "n").from("award_types")
                .first(decodingColumn: "n", as: Int?.self).flatMap { $0 } ?? 0
            try await db.insert(into: "award_types")
                .columns(
                    "code", "category", "name_vi", "name_en", "subject_kinds", "awarding_level", "annual",
                    "coefficient_individual", "coefficient_collective", "legal_basis", "rule_reference", "note",
                    "builtin", "position", "created_at"
                )
                .values(
                    SQLBind(item.code), SQLBind(item.category.rawValue), SQLBind(item.nameVi), SQLBind(item.nameEn),
                    SQLBind(item.subjectKinds.map(\.rawValue).joined(separator: ",")), SQLBind(item.awardingLevel.rawValue),
                    SQLBind(item.annual), SQLBind(item.coefficientIndividual.map { Int(($0 * 1000).rounded()) }),
                    SQLBind(item.coefficientCollective.map { Int(($0 * 1000).rounded()) }), SQLBind(item.legalBasis),
                    SQLBind(item.ruleReference), SQLBind(item.note), SQLBind(false), SQLBind(position + 1), SQLBind(Clock.timestamp())
                )
                .run()
            var created = item
            created.builtin = false
            try await AuditLog.append(
                db, actor: identity.auditActor, action: "create", entity: "award_type", entityId: nil,
                unitPath: nil, before: CatalogueItem?.none, after: created)
            return created
        }
    }
}
