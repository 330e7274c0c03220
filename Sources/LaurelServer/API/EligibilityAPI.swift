import Foundation
import Hummingbird
import LaurelDomain
import LaurelStore

/// `POST /api/v1/eligibility/check`: the check command's input in, verdicts out, no database.
struct EligibilityAPI {
    let localisation: Localisation
    let histories: HistoryStore
    let gate: HeavyWorkGate

    /// What one request may ask (documented in the OpenAPI document): about a second of work and a
    /// few megabytes of answer at most.
    static let limits = CheckInputLimits(maxSubjects: 1_000, maxRecordsPerSubject: 300, maxMembers: 20_000, maxChecks: 10_000)
    static let maxBody = 4 << 20

    func register(on routes: APIRoutes) {
        routes.any.on(Contract.check, use: check)
        routes.any.on(Contract.person, use: person)
        routes.any.on(Contract.unit, use: unit)
    }

    struct PersonEligibility: APIResponseBody {
        let personId: Int64
        let year: Int
        let verdicts: [VerdictResponse]
    }

    /// Every title and form for a person, judged for `year` (default: the last year of the record).
    func person(_ request: Request, context: SignedInContext) async throws -> Response {
        let identity = context.identity
        let subject = try await histories.person(try context.id(), as: identity)
        let year = try Self.year(request, default: subject.history.lastYear, today: context.today)
        let engine = context.engine
        let verdicts = engine.catalogue.codes(for: .individual).map { engine.verdict(for: subject.history, code: $0, year: year) }
        return try JSON.response(PersonEligibility(personId: subject.id, year: year, verdicts: verdicts.map(VerdictResponse.init)))
    }

    struct UnitEligibility: APIResponseBody {
        let unitId: Int64
        let code: String
        let year: Int
        let total: Int
        let eligible: Int
        let rows: [EligibilityReport.Row]
    }

    /// One award and year for everyone of a unit's subtree (or its units, for collective titles).
    func unit(_ request: Request, context: SignedInContext) async throws -> Response {
        let identity = context.identity
        let unitId = try context.id()
        guard let code = request.query("code") else { throw DomainError.invalid("error.required", field: "code") }
        let year = try Self.year(request, default: nil, today: context.today)
        let report = try await EligibilityReport.make(
            histories: histories, unitId: unitId, code: code, year: year, decisionDate: nil, identity: identity, gate: gate,
            engine: context.engine)
        return try JSON.response(
            UnitEligibility(
                unitId: unitId, code: code, year: year, total: report.rows.count, eligible: report.eligibleCount, rows: report.rows))
    }

    static func year(_ request: Request, default fallback: Int?, today: CalendarDate) throws -> Int {
        if let year = try request.strictQueryInt("year") {
            guard (1945...2200).contains(year) else { throw DomainError.invalid("error.year_out_of_range", field: "year", String(year)) }
            return year
        }
        return fallback ?? today.year
    }

    struct Problem: Encodable, Sendable {
        let subject: String?
        let field: String
        let message: String
    }
    struct ProblemsResponse: APIResponseBody {
        struct Inner: Encodable, Sendable {
            let code: String
            let message: String
            let field: String?
            let problems: [Problem]
        }
        let error: Inner
    }
    struct VerdictsResponse: APIResponseBody { let verdicts: [VerdictResponse] }

    func check(_ request: Request, context: SignedInContext) async throws -> Response {
        var request = request
        let body = Data(buffer: try await request.collectBody(upTo: Self.maxBody))
        let year = try request.strictQueryInt("year")
        let engine = context.engine
        let result = try await gate.run { () throws -> Result<Response, CheckInputErrors> in
            switch EligibilityCheckRun.verdicts(input: body, year: year, engine: engine, limits: Self.limits) {
            case .success(let verdicts): .success(try JSON.response(VerdictsResponse(verdicts: verdicts.map(VerdictResponse.init))))
            case .failure(let errors): .failure(errors)
            }
        }
        switch result {
        case .success(let response):
            return response
        case .failure(let errors):
            if let exceeded = errors.exceeded { throw Self.refusal(exceeded) }
            let problems = errors.problems.map { Problem(subject: $0.subject, field: $0.field, message: $0.message) }
            let message = localisation.string("error.check_input", context.locale)
            return try JSON.response(
                ProblemsResponse(error: .init(code: "invalid", message: message, field: problems.first?.field, problems: problems)),
                status: .unprocessableContent)
        }
    }

    static func refusal(_ exceeded: CheckInputLimits.Exceeded) -> APIError {
        switch exceeded {
        case .subjects(let limit, let given):
            APIError(
                status: .contentTooLarge, code: "too_large", key: "error.check_too_many_subjects", field: "subjects",
                arguments: [String(limit), String(given)])
        case .records(let limit, let subject, let given):
            APIError(
                status: .contentTooLarge, code: "too_large", key: "error.check_too_many_years", field: "subjects",
                arguments: [String(limit), subject, String(given)])
        case .members(let limit, let given):
            APIError(
                status: .contentTooLarge, code: "too_large", key: "error.too_many_items", field: "members",
                arguments: [String(limit), String(given)])
        case .checks(let limit, let given):
            APIError(
                status: .contentTooLarge, code: "too_large", key: "error.check_too_many_checks", field: "check",
                arguments: [String(limit), String(given)])
        }
    }
}
