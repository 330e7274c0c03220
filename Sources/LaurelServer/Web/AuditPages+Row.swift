import Foundation
import LaurelDomain
import LaurelStore

/// An audit entry in the reader's words: the action and the kind of record localised, the record
/// named (from its stored state) and linked, and the fields that changed as "field: before → after".
extension AuditPages {
    struct Row {
        let at: String, actor: String, action: String, entity: String, entityId: String, subject: String, link: String?
        let changes: [String]

        init(_ event: AuditEvent, pages: PageRenderer, context: some SignedInRequestContext) {
            let table = pages.localisation.table(context.locale)
            at = String(event.at.prefix(19)).replacingOccurrences(of: "T", with: " ")
            actor = event.actor
            action = Self.action(event.action, pages: pages, table: table, context: context)
            entity = table["entity_" + event.entity] ?? event.entity
            entityId = event.entityId.map(String.init) ?? ""
            let before = event.before.flatMap(JSONValue.parse)?.objectValue
            let after = event.after.flatMap(JSONValue.parse)?.objectValue
            subject = Self.name(after ?? before) ?? (event.entityId.map { "#\($0)" } ?? "")
            link = event.entityId.flatMap { id in Self.paths[event.entity].map { "/\($0)/\(id)" } }
            changes = Self.changes(before: before, after: after, pages: pages, context: context)
        }

        /// Where each kind of record is shown, to everyone who reads the log (accounts are not:
        /// only their managers open them).
        static let paths = [
            "unit": "units", "person": "people", "movement": "movements", "season": "seasons", "ballot": "ballots", "cluster": "clusters",
            "nomination": "nominations",
        ]

        /// A setting's change names its key ("set_quota.CSTDCS"): one message for all of them.
        static func action(_ raw: String, pages: PageRenderer, table: [String: String], context: some SignedInRequestContext) -> String {
            if let label = table["action_" + raw] { return label }
            for prefix in ["set_", "remove_"] where raw.hasPrefix(prefix) {
                return pages.t("action_\(prefix)setting", context, [String(raw.dropFirst(prefix.count))])
            }
            return raw
        }

        static func name(_ object: [String: JSONValue]?) -> String? {
            for key in ["fullName", "name", "purpose", "username", "code"] {
                if case .string(let value)? = object?[key], !value.isEmpty { return value }
            }
            return nil
        }

        /// The top-level fields whose value differs, at most twelve; for a new record, nothing.
        static func changes(
            before: [String: JSONValue]?, after: [String: JSONValue]?, pages: PageRenderer, context: some SignedInRequestContext
        ) -> [String] {
            guard let before, let after else { return [] }
            let keys = Set(before.keys).union(after.keys).filter { before[$0] != after[$0] }.sorted()
            let table = pages.localisation.table(context.locale)
            return keys.prefix(12).map { key in
                pages.t("audit_change", context, [table["field_" + key] ?? key, text(before[key]), text(after[key])])
            }
        }

        static func text(_ value: JSONValue?) -> String {
            switch value {
            case nil, .null?: return "—"
            case .string(let s)?: return String(s.prefix(80))
            case .bool(let b)?: return b ? "✓" : "✗"
            case .number(let n)?: return n.rounded() == n && abs(n) < 1e15 ? String(Int64(n)) : String(n)
            case .array(let items)?: return "[\(items.count)]"
            case .object?: return "{…}"
            }
        }
    }
}
