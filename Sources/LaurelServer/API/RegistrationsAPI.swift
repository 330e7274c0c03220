import Foundation
import Hummingbird
import LaurelDomain
import LaurelStore

/// `/api/v1/registrations/{unitId}/{year}`: a unit's registrations for a year, and their export.
struct RegistrationsAPI {
    let registrations: RegistrationStore

    func register(on routes: APIRoutes) {
        routes.browse.on(Contract.get, use: get)
        routes.write.on(Contract.put, use: put)
        routes.write.on(Contract.settings, use: settings)
        routes.any.on(Contract.person, use: person)
    }

    struct PutRequest: Decodable, Sendable {
        struct Individual: Decodable, Sendable {
            var personId: Int64?
            var code: String?
            var target: String?
        }
        var collective: [String]?
        var individuals: [Individual]?
        /// Targets of the collective registrations, by code.
        var targets: [String: String]?
        var reason: String?
    }

    func unitId(_ context: some SignedInRequestContext) throws -> Int64 { try context.pathId("unitId", notFound: "error.unit_not_found") }

    func get(_ request: Request, context: BrowseContext) async throws -> Response {
        let identity = context.identity
        let unit = try unitId(context)
        return try JSON.response(
            RegistrationsResponse(try await registrations.get(unitId: unit, year: try context.pathYear(), as: identity)))
    }

    /// Collective titles must be catalogue titles for collectives; individual ones for individuals.
    static func validate(
        _ body: PutRequest, catalogue: AwardCatalogue
    ) throws -> ([Registrations.Collective], [Registrations.Individual], String?) {
        var errors: [DomainError] = []
        var collective: [Registrations.Collective] = []
        for (index, code) in (body.collective ?? []).enumerated() {
            guard let entry = catalogue.entry(for: code), entry.isFor(.collective) else {
                errors.append(.invalid("error.unknown_award_code", field: "collective.\(index)", code))
                continue
            }
            let target = Validate.optionalText(body.targets?[code], field: "targets.\(code)", max: 500, into: &errors)
            if !collective.contains(where: { $0.code == code }) { collective.append(.init(code: entry.code, target: target)) }
        }
        var individuals: [Registrations.Individual] = []
        for (index, item) in (body.individuals ?? []).enumerated() {
            guard let personId = item.personId else {
                errors.append(.invalid("error.required", field: "individuals.\(index).personId"))
                continue
            }
            guard let code = item.code, let entry = catalogue.entry(for: code), entry.isFor(.individual) else {
                errors.append(.invalid("error.unknown_award_code", field: "individuals.\(index).code", item.code ?? ""))
                continue
            }
            let target = Validate.optionalText(item.target, field: "individuals.\(index).target", max: 500, into: &errors)
            if !individuals.contains(where: { $0.personId == personId && $0.code == code }) {
                individuals.append(.init(personId: personId, code: entry.code, target: target))
            }
        }
        let reason = Validate.optionalText(body.reason, field: "reason", max: 2000, into: &errors)
        guard errors.isEmpty else { throw ValidationErrors(errors) }
        return (collective, individuals, reason)
    }

    func put(_ request: Request, context: WriteContext) async throws -> Response {
        let identity = context.identity
        let unit = try unitId(context)
        let year = try context.pathYear()
        let body = try await RequestBody.decode(PutRequest.self, for: Contract.put, from: request, context: context).value
        let (collective, individuals, reason) = try Self.validate(body, catalogue: context.catalogue)
        let saved = try await registrations.put(
            unitId: unit, year: year, collective: collective, individuals: individuals, reason: reason,
            on: context.today, as: identity)
        return try JSON.response(RegistrationsResponse(saved))
    }

    /// Who registered for what: one row per registration, CSV or XLSX (`?format=`).
    /// A person's registrations over the years.
    func person(_ request: Request, context: SignedInContext) async throws -> Response {
        let identity = context.identity
        let items = try await registrations.forPerson(try context.pathId("id", notFound: "error.person_not_found"), as: identity)
            .map(PersonRegistrationResponse.init)
        return try JSON.response(ListResponse(items: items, total: items.count, page: 1, per: max(items.count, 1)))
    }

    struct SettingsRequest: Decodable, Sendable {
        var registrationRequired: Bool?
        /// "MM-DD" of each year.
        var registrationDeadline: String?
    }

    func settings(_ request: Request, context: WriteContext) async throws -> Response {
        let identity = context.identity
        let unit = try unitId(context)
        let body = try await RequestBody.decode(SettingsRequest.self, for: Contract.settings, from: request, context: context)
            .value
        try await Self.apply(try Self.settingsChange(body), to: unit, registrations: registrations, as: identity)
        let current = try await registrations.get(unitId: unit, year: Calendar.current.component(.year, from: Date()), as: identity)
        return try JSON.response(RegistrationsResponse(current))
    }

    /// The settings a request changes: the deadline must be a day of the year written "MM-DD"
    /// (29 February is allowed: checked against a leap year).
    static func settingsChange(_ body: SettingsRequest) throws -> [(SettingKey, String)] {
        var changes: [(SettingKey, String)] = []
        if let deadline = body.registrationDeadline {
            guard let monthDay = RegistrationRules.MonthDay(deadline) else {
                throw ValidationErrors([.invalid("error.bad_month_day", field: "registrationDeadline", deadline)])
            }
            changes.append((.registrationDeadline, monthDay.description))
        }
        if let required = body.registrationRequired { changes.append((.registrationRequired, required ? "true" : "false")) }
        return changes
    }

    static func apply(
        _ changes: [(SettingKey, String)], to unitId: Int64, registrations: RegistrationStore, as identity: Identity
    ) async throws {
        try await registrations.setSettings(changes, unitId: unitId, as: identity)
    }
}
