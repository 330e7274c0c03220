import Hummingbird
import LaurelDomain

extension LaurelContext {
    /// A named id in the path (`{unitId}`, `{scorerUnitId}` …): a positive integer, else a 404
    /// whose message names what was not found.
    func pathId(_ name: String, notFound key: String) throws -> Int64 {
        guard let text = parameters.get(name), let value = Int64(text), value > 0 else {
            throw APIError(status: .notFound, code: "not_found", key: key)
        }
        return value
    }

    /// A year in the path: 1900…2200.
    func pathYear(_ name: String = "year") throws -> Int {
        guard let text = parameters.get(name), let value = Int(text), (1900...2200).contains(value) else {
            throw APIError(status: .unprocessableContent, code: "invalid", key: "error.bad_year", field: name)
        }
        return value
    }
}
