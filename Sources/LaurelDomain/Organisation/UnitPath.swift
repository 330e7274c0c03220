/// The materialised path of a unit in the organisation tree: "/1/5/23/" for unit 23 under 5 under 1.
/// A subtree is every unit whose path starts with its root's path, so a scope check or a subtree
/// list is one indexed `LIKE 'prefix%'` in SQL, and a move rewrites the prefix of one subtree.
public struct UnitPath: Hashable, Sendable, CustomStringConvertible {
    public let value: String

    public init(value: String) { self.value = value }

    public static func root(_ id: Int64) -> UnitPath { UnitPath(value: "/\(id)/") }

    public func child(_ id: Int64) -> UnitPath { UnitPath(value: value + "\(id)/") }

    /// True when `other` is this unit or below it.
    public func contains(_ other: UnitPath) -> Bool { other.value.hasPrefix(value) }

    public var depth: Int { value.split(separator: "/").count }

    public var ids: [Int64] { value.split(separator: "/").compactMap { Int64($0) } }

    public var description: String { value }
}

/// Rules for moving and merging units.
public enum UnitTreeRules {
    /// A unit cannot move under itself or one of its descendants.
    public static func checkMove(unit: UnitPath, newParent: UnitPath?) throws(DomainError) {
        if let newParent, unit.contains(newParent) {
            throw DomainError.invalid("error.unit_own_ancestor", field: "parentId")
        }
    }

    /// A unit merges only into another active unit that is not itself or below it.
    public static func checkMerge(source: UnitPath, sourceActive: Bool, target: UnitPath, targetActive: Bool) throws(DomainError) {
        if source == target { throw DomainError.invalid("error.merge_into_itself", field: "targetId") }
        if !sourceActive { throw DomainError.invalid("error.merge_inactive_source", field: "sourceId") }
        if !targetActive { throw DomainError.invalid("error.merge_into_inactive", field: "targetId") }
        if source.contains(target) { throw DomainError.invalid("error.merge_into_descendant", field: "targetId") }
    }
}
