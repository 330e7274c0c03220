/// One unit of the proposer's ancestry, as the route planner needs it.
public struct RouteUnit: Hashable, Sendable, Codable {
    public var id: Int64
    public var kind: UnitKind
    public var level: UnitLevel

    public init(id: Int64, kind: UnitKind, level: UnitLevel) {
        self.id = id
        self.kind = kind
        self.level = level
    }
}

/// Which levels review a dossier on its way up: an organisation's setting (issue 9, point 4).
public struct ReviewPolicy: Hashable, Sendable, Codable {
    /// Kinds of unit whose council reviews a dossier passing through. The decider and, for the
    /// Prime Minister's and the President's awards, the root always review, whatever this says.
    public var reviewingKinds: Set<UnitKind>

    public init(reviewingKinds: Set<UnitKind> = [.commune, .department, .ministry, .province]) {
        self.reviewingKinds = reviewingKinds
    }

    public static let standard = ReviewPolicy()
}

/// Why no route could be planned. Mapping for the server: 422.
public enum NominationRouteError: Error, Hashable, Sendable {
    case emptyChain
    /// No unit of the proposer's ancestry may decide an award of this level.
    case noDecider(AwardingLevel)
}

/// The stages a dossier climbs and the unit that decides it.
public struct NominationRoute: Hashable, Sendable {
    /// Stage unit ids, first reviewing level to the decider (last); never empty.
    public let stages: [Int64]
    public var deciderUnitId: Int64 { stages[stages.count - 1] }

    /// Plans the route of a proposal by `chain[0]` (its ancestry, proposer first, root last) for
    /// an award decided at `level`.
    ///
    /// The decider (LAW_FACTS §4.1; Law 06/2022 Art 78–80, Decree 129/2025 Art 59):
    /// - grassroots and commune awards: the nearest unit, the proposer itself included, whose
    ///   head decides them — a commune (its chairman), a department (head of a provincial
    ///   agency), an enterprise (its director), or a unit directly under a ministry (head of a
    ///   legal-entity unit of a ministry, Art 80(1)). A school under a commune is none of these,
    ///   so its CSTĐCS goes to the commune. Legal entity or not is not in the tree: every unit
    ///   directly under a ministry is taken to be one.
    /// - ministry/province awards: the nearest ministry or province (Art 79); province-only
    ///   awards (Xã tiêu biểu): the nearest province.
    /// - the Prime Minister's and the President's awards: the root, where the Central Council
    ///   reviews (Law Art 83, 90); the ministry or province on the way proposes them.
    ///
    /// Stages: every unit strictly above the proposer, up to the decider, whose kind `policy`
    /// lists; then the decider. A proposer that decides itself has its own council as the one stage.
    public static func plan(
        chain: [RouteUnit], level: AwardingLevel, policy: ReviewPolicy = .standard
    ) throws(NominationRouteError) -> NominationRoute {
        guard !chain.isEmpty else { throw .emptyChain }
        guard let decider = deciderIndex(in: chain, for: level) else { throw .noDecider(level) }
        var stages = chain[..<decider].dropFirst().filter { policy.reviewingKinds.contains($0.kind) }.map(\.id)
        stages.append(chain[decider].id)
        return NominationRoute(stages: stages)
    }

    /// The index in `chain` of the unit that decides an award of `level`.
    static func deciderIndex(in chain: [RouteUnit], for level: AwardingLevel) -> Int? {
        switch level {
        case .grassroots, .commune:
            chain.indices.first { index in
                switch chain[index].kind {
                case .commune, .department, .enterprise: true
                case .ministry, .province: false
                default: index + 1 < chain.count && chain[index + 1].kind == .ministry
                }
            }
        case .ministryProvince:
            chain.firstIndex { $0.kind == .ministry || $0.kind == .province }
        case .province:
            chain.firstIndex { $0.kind == .province }
        case .primeMinister, .president:
            chain.count - 1
        }
    }
}
