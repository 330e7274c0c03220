import Foundation
import LaurelDomain

/// The languages of the interface: Vietnamese first, English selectable.
public enum AppLocale: String, Sendable, CaseIterable {
    case vi, en

    /// From an `Accept-Language` header or a cookie value; Vietnamese unless English is asked for.
    public init(header: String?) {
        self = header?.lowercased().hasPrefix("en") == true ? .en : .vi
    }
}

/// Every user-facing string, read once from `Resources/Localisation/{vi,en}.json`.
public struct Localisation: Sendable {
    let tables: [AppLocale: [String: String]]

    /// Each area of the product keeps its own pair of files (`vi.json`, `records.vi.json`, …);
    /// they are merged per language, and a key defined twice stops the launch.
    public static func load() throws -> Localisation {
        guard let directory = Bundle.module.url(forResource: "Localisation", withExtension: nil, subdirectory: "Resources") else {
            throw LocalisationError.missing("Resources/Localisation")
        }
        return try load(directory: directory)
    }

    public static func load(directory: URL) throws -> Localisation {
        let files = try FileManager.default.contentsOfDirectory(atPath: directory.path).sorted()
        var tables: [AppLocale: [String: String]] = [:]
        for locale in AppLocale.allCases {
            var table: [String: String] = [:]
            for file in files where file == "\(locale.rawValue).json" || file.hasSuffix(".\(locale.rawValue).json") {
                let part = try JSONDecoder().decode([String: String].self, from: Data(contentsOf: directory.appendingPathComponent(file)))
                for (key, value) in part {
                    if table[key] != nil { throw LocalisationError.duplicate(key, file) }
                    table[key] = value
                }
            }
            guard !table.isEmpty else { throw LocalisationError.missing(locale.rawValue) }
            tables[locale] = table
        }
        return Localisation(tables: tables)
    }

    enum LocalisationError: Error {
        case missing(String)
        case duplicate(String, String)
    }

    public func table(_ locale: AppLocale) -> [String: String] { tables[locale] ?? [:] }

    /// The message for `key` with `{0}`, `{1}`… replaced; the key itself when it is missing, so a
    /// gap shows up in tests rather than as an empty label.
    public func string(_ key: String, _ locale: AppLocale, _ arguments: [String] = []) -> String {
        var text = tables[locale]?[key] ?? tables[.vi]?[key] ?? key
        for (index, argument) in arguments.enumerated() {
            text = text.replacingOccurrences(of: "{\(index)}", with: argument)
        }
        return text
    }

    public func message(_ error: DomainError, _ locale: AppLocale) -> String {
        string(error.key, locale, error.arguments)
    }
}
