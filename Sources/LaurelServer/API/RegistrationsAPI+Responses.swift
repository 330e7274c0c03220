import LaurelStore

// Registrations as the API shows them (schemas `Registrations`, `RegistrationRow`,
// `PersonRegistration`): the API's own shapes, built from the store's.

struct RegistrationsResponse: APIResponseBody {
    struct Collective: Encodable, Sendable {
        let code: String, target: String?
    }
    struct Individual: Encodable, Sendable {
        let personId: Int64, personName: String?, code: String, target: String?
    }

    let unitId: Int64, year: Int, collective: [Collective], individuals: [Individual], registeredOn: String?, late: Bool
    let reason: String?, deadline: String, registrationRequired: Bool

    init(_ registrations: Registrations) {
        unitId = registrations.unitId
        year = registrations.year
        collective = registrations.collective.map { Collective(code: $0.code, target: $0.target) }
        individuals = registrations.individuals.map {
            Individual(personId: $0.personId, personName: $0.personName, code: $0.code, target: $0.target)
        }
        registeredOn = registrations.registeredOn
        late = registrations.late
        reason = registrations.reason
        deadline = registrations.deadline
        registrationRequired = registrations.registrationRequired
    }
}

struct RegistrationRowResponse: APIResponseBody {
    let unitId: Int64, unitCode: String, unitName: String, personId: Int64?, personName: String?, code: String, target: String?
    let registeredOn: String, late: Bool, reason: String?

    init(_ row: RegistrationRow) {
        unitId = row.unitId
        unitCode = row.unitCode
        unitName = row.unitName
        personId = row.personId
        personName = row.personName
        code = row.code
        target = row.target
        registeredOn = row.registeredOn
        late = row.late
        reason = row.reason
    }
}

struct PersonRegistrationResponse: APIResponseBody {
    let year: Int, code: String, target: String?

    init(_ registration: RegistrationStore.PersonRegistration) {
        year = registration.year
        code = registration.code
        target = registration.target
    }
}
