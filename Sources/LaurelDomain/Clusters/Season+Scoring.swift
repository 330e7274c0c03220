extension Season {
    /// A member's score of itself (tự chấm). Replaces any earlier self-score.
    public mutating func submitSelfScore(unit: Int64, sheet: ScoreSheet) throws(SeasonError) {
        try requireOpen()
        try requireMember(unit)
        try validate(sheet)
        selfScores[unit] = sheet
    }

    // MARK: Verification mode

    /// Who may verify `target`: the leader and the deputy, but never their own unit — so the
    /// leader's unit is verified by the deputy only, and the deputy's by the leader only.
    /// Empty for a unit that is not a member.
    public func verifiers(of target: Int64) -> [Int64] {
        guard members.contains(target) else { return [] }
        return Self.verifiers(of: target, leader: leadership.leaderUnitId, deputy: leadership.deputyUnitId)
    }

    /// The same rule for a member, from the leadership alone (for readers that hold no `Season`).
    public static func verifiers(of target: Int64, leader: Int64, deputy: Int64) -> [Int64] {
        [leader, deputy].filter { $0 != target }
    }

    /// Whether `verifier` may verify (and re-score) `target`.
    public func mayVerify(_ target: Int64, by verifier: Int64) -> Bool {
        verifiers(of: target).contains(verifier)
    }

    /// The leader or deputy settles `target`'s score, re-scoring as needed. A later verification
    /// (by either of them) replaces an earlier one; the verifier is recorded with it.
    public mutating func verify(target: Int64, by verifier: Int64, sheet: ScoreSheet) throws(SeasonError) {
        try requireOpen()
        guard mode == .verification else { throw .wrongMode(required: .verification) }
        try requireMember(target)
        guard verifier != target else { throw .ownUnit(target) }
        guard mayVerify(target, by: verifier) else { throw .notAVerifier(verifier: verifier, target: target) }
        try validate(sheet)
        verifiedScores[target] = VerifiedScore(verifierUnitId: verifier, sheet: sheet)
    }

    /// Verifies `target`'s self-score as it stands.
    public mutating func acceptSelfScore(target: Int64, by verifier: Int64) throws(SeasonError) {
        guard let sheet = selfScores[target] else {
            // Report the more fundamental refusal first (locked, wrong mode, not a verifier).
            try requireOpen()
            guard mode == .verification else { throw .wrongMode(required: .verification) }
            throw .noSelfScore(target)
        }
        try verify(target: target, by: verifier, sheet: sheet)
    }

    // MARK: Cross mode

    /// `scorer` scores another member, `target`. Replaces any earlier sheet from the same scorer.
    public mutating func submitCrossScore(scorer: Int64, target: Int64, sheet: ScoreSheet) throws(SeasonError) {
        try requireOpen()
        guard mode == .cross else { throw .wrongMode(required: .cross) }
        try requireMember(scorer)
        try requireMember(target)
        guard scorer != target else { throw .ownUnit(scorer) }
        try validate(sheet)
        crossScores[target, default: [:]][scorer] = sheet
    }

    /// Pairs (scorer, target) of members that have not cross-scored yet, in id order.
    public var missingCrossScores: [CrossScoreGap] {
        guard mode == .cross else { return [] }
        return members.flatMap { scorer in
            members.filter { $0 != scorer && crossScores[$0]?[scorer] == nil }
                .map { CrossScoreGap(scorerUnitId: scorer, targetUnitId: $0) }
        }
    }

    private func validate(_ sheet: ScoreSheet) throws(SeasonError) {
        let found = table.issues(in: sheet)
        guard found.isEmpty else { throw .invalidSheet(found) }
    }
}

/// A cross score not given yet: `scorerUnitId` has not scored `targetUnitId`.
public struct CrossScoreGap: Hashable, Sendable, Codable {
    public var scorerUnitId: Int64
    public var targetUnitId: Int64

    public init(scorerUnitId: Int64, targetUnitId: Int64) {
        self.scorerUnitId = scorerUnitId
        self.targetUnitId = targetUnitId
    }
}
