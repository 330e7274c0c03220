import LaurelDomain
import LaurelStore

/// What `CatalogueAPI` serves, as the OpenAPI document states it; `register(on:)` registers each
/// handler with its operation.
extension CatalogueAPI {
    enum Contract {
        static let list = APIOperation(
            .get, "catalogue", "The award catalogue", tag: "catalogue",
            responses: [.ok(.list(.ref(.catalogueEntry)))],
            errors: [401])
        static let create = APIOperation(
            .post, "catalogue", "Add a title or form to the catalogue (administrators)", tag: "catalogue",
            body: .json(.ref(.catalogueInput)),
            responses: [.created(.ref(.catalogueEntry))],
            errors: [400, 401, 403, 409, 422])
    }
}

extension SchemaComponent {
    static let catalogueEntry = SchemaComponent("CatalogueEntry") {
        .object(
            required: ["code", "nameVi", "nameEn"],
            [
                "code": .string,
                "category": .choice(AwardCategory.self),
                "nameVi": .string,
                "nameEn": .string,
                "subjectKinds": .array(.choice(SubjectKind.self)),
                "awardingLevel": .string,
                "annual": .boolean,
                "coefficientIndividual": .number.orNull,
                "coefficientCollective": .number.orNull,
                "legalBasis": .string,
                "ruleReference": .string,
                "note": .string.orNull,
                "builtin": .boolean,
            ])
    }
    static let catalogueInput = SchemaComponent("CatalogueInput") {
        .object(
            required: ["code", "nameVi", "subjectKinds", "awardingLevel", "legalBasis"],
            closed: true,
            [
                "code": .string(maxLength: 40),
                "category": .choice(AwardCategory.self),
                "nameVi": .string(maxLength: 200),
                "nameEn": .string(maxLength: 200),
                "subjectKinds": .array(.choice(SubjectKind.self), minItems: 1),
                "awardingLevel": .choice(AwardingLevel.self),
                "annual": .boolean,
                "coefficientIndividual": .number.orNull.with("minimum", 0).with("maximum", 1000),
                "coefficientCollective": .number.orNull.with("minimum", 0).with("maximum", 1000),
                "legalBasis": .string(maxLength: 200),
                "note": .string(maxLength: 1000).orNull,
            ])
    }
}
