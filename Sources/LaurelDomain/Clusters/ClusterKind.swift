/// What a grouping of emulation units is called: a cluster (cụm thi đua, units of one area) or a
/// block (khối thi đua, units of one sector). Both follow the same rules.
public enum ClusterKind: String, Hashable, Sendable, Codable, CaseIterable {
    case cluster, block
}
