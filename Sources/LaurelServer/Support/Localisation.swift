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

    public static func load() throws -> Localisation {
        var tables: [AppLocale: [String: String]] = [:]
        for locale in AppLocale.allCases {
            guard let url = Bundle.module.url(forResource: locale.rawValue, withExtension: "json", subdirectory: "Resources/Localisation")
                ?? Bundle.module.url(forResource: locale.rawValue, withExtension: "json")
            else { throw LocalisationError.missing(locale.rawValue) }
            tables[locale] = try JSONDecoder().decode([String: String].self, from: Data(contentsOf: url))
        }
        return Localisation(tables: tables)
    }

    enum LocalisationError: Error { case missing(String) }

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
