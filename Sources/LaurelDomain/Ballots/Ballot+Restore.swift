extension Ballot {
    /// Rebuilds a stored ballot from its definition and its two vote tables (see `Ballot`):
    /// rounds are replayed in order, each later round opened from the tie of the one before, so
    /// the stored data cannot describe a round the rules would not have opened.
    public init(
        restoring purpose: String, candidates: [Int64], eligibleVoters: Set<Int64>, seats: Int,
        threshold: Proportion, quorum: Proportion, maxRounds: Int, roundsStarted: Int,
        marks: [VoterMark], papers: [BallotPaper], isClosed: Bool
    ) throws(BallotError) {
        try self.init(
            purpose: purpose, candidates: candidates, eligibleVoters: eligibleVoters, seats: seats,
            threshold: threshold, quorum: quorum, maxRounds: maxRounds)
        for number in 1...max(roundsStarted, 1) {
            if number > 1 { try openNextRound() }
            let index = number - 1
            let roundMarks = marks.filter { $0.round == number }
            let roundPapers = papers.filter { $0.round == number }
            guard roundMarks.count == roundPapers.count else { throw .inconsistentRecords(round: number) }
            for mark in roundMarks {
                guard eligibleVoters.contains(mark.voterId), rounds[index].voters.insert(mark.voterId).inserted
                else { throw .inconsistentRecords(round: number) }
            }
            for stored in roundPapers {
                guard let paper = try? paper(stored.choices, in: rounds[index]) else {
                    throw .inconsistentRecords(round: number)
                }
                rounds[index].insert(paper)
            }
        }
        let known = 1...max(roundsStarted, 1)
        guard marks.allSatisfy({ known.contains($0.round) }), papers.allSatisfy({ known.contains($0.round) }) else {
            throw .inconsistentRecords(round: roundsStarted + 1)
        }
        self.isClosed = isClosed
    }
}
