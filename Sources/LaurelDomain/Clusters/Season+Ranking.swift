extension Season {
    /// The season's ranking. Verification mode ranks verified totals (a member without a verified
    /// score is pending). Cross mode ranks the mean of the others' totals, or the normalised score
    /// when `basis` is `.normalised` (a member nobody else has scored is pending); `basis` is
    /// ignored in verification mode. A ranking can be read at any time; it is official once the
    /// season is finalised.
    public func ranking(basis: RankingBasis = .raw) -> Ranking {
        switch mode {
        case .verification:
            let totals = verifiedScores.filter { members.contains($0.key) }.mapValues { table.totals(of: $0.sheet) }
            let ranks = Ranking.competitionRanks(totals.map { (unitId: $0.key, key: $0.value.total) })
            return Ranking(
                basis: .raw,
                rows: ranks.compactMap { rank, unit in
                    totals[unit].map { Ranking.Row(rank: rank, unitId: unit, final: $0.total, sections: $0.sections) }
                },
                pending: members.filter { totals[$0] == nil }.map { .init(unitId: $0, reason: .notVerified) })
        case .cross:
            let given = crossScores.filter { members.contains($0.key) }.mapValues { byScorer in
                byScorer.filter { members.contains($0.key) }.mapValues { table.totals(of: $0) }
            }
            let results = CrossScoring(totals: given).results
            let ranks =
                switch basis {
                case .raw: Ranking.competitionRanks(results.map { (unitId: $0.key, key: $0.value.raw.hundredths) })
                case .normalised:
                    Ranking.competitionRanks(results.map { (unitId: $0.key, key: $0.value.normalisedTenThousandths) })
                }
            return Ranking(
                basis: basis,
                rows: ranks.compactMap { rank, unit in
                    results[unit].map {
                        Ranking.Row(
                            rank: rank, unitId: unit, final: $0.raw, normalised: $0.normalised, sections: $0.sections)
                    }
                },
                pending: members.filter { results[$0] == nil }.map { .init(unitId: $0, reason: .notScored) })
        }
    }
}
