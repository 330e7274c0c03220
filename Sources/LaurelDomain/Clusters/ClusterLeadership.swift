/// A cluster's leader and deputy for one season (cụm/khối trưởng, cụm/khối phó).
public struct ClusterLeadership: Hashable, Sendable, Codable {
    public var leaderUnitId: Int64
    public var deputyUnitId: Int64

    public init(leaderUnitId: Int64, deputyUnitId: Int64) {
        self.leaderUnitId = leaderUnitId
        self.deputyUnitId = deputyUnitId
    }
}

/// The two elected posts of a cluster.
public enum ClusterPost: String, Hashable, Sendable, Codable, CaseIterable {
    case leader, deputy
}
