import Foundation
import Hummingbird
import LaurelDocuments
import LaurelDomain
import LaurelStore

/// The ballot page where a voting unit's officer votes, and the organiser closes; and the
/// printable minutes (biên bản) of a season's summary conference.
struct BallotPages {
    let seasons: SeasonStore
    let ballots: BallotStore
    let pages: PageRenderer

    func register(on router: RouterGroup<AppRequestContext>) {
        router.get("ballots/{id}", use: show)
        router.post("ballots/{id}/vote", use: vote)
        router.post("ballots/{id}/close", use: close)
        router.get("seasons/{id}/minutes", use: minutes)
        router.get("seasons/{id}/minutes.docx", use: minutesDocx)
    }

    struct Choice { let id: Int64; let name: String; let inputType: String }
    struct ResultRow { let name: String; let votes: Int; let share: String; let elected: Bool }
    struct Content {
        let ballot: BallotRecord; let choices: [Choice]; let myVoter: Int64?; let myVoterName: String; let canVote: Bool; let hasVoted: Bool
        let canClose: Bool; let results: [ResultRow]; let showResults: Bool; let flash: String?; let seasonId: Int64?
    }

    func name(_ ballot: BallotRecord, _ id: Int64) -> String { ballot.names[String(id)] ?? "#\(id)" }

    func render(_ id: Int64, identity: Identity, context: AppRequestContext, flash: String? = nil, status: HTTPResponse.Status = .ok) async throws -> Response {
        let ballot = try await ballots.get(id, as: identity)
        let voter = ballot.voters.contains(identity.account.unitId) && identity.role != .auditor && identity.role != .staff ? identity.account.unitId : nil
        let hasVoted = voter.map { ballot.tally.voters.contains($0) } ?? false
        let round = ballot.tally
        let inputType = round.seats > 1 ? "checkbox" : "radio"
        // Results while voting are for the organiser's side; everyone sees them once closed.
        let showResults = ballot.closed || identity.role == .admin || (identity.canWrite && voter == nil)
        let content = Content(
            ballot: ballot, choices: round.results.map { $0.candidate }.sorted().map { Choice(id: $0, name: name(ballot, $0), inputType: inputType) },
            myVoter: voter, myVoterName: voter.map { name(ballot, $0) } ?? "", canVote: voter != nil && !hasVoted && !ballot.closed, hasVoted: hasVoted,
            canClose: !ballot.closed && identity.canWrite && voter == nil,
            results: round.results.map { ResultRow(name: name(ballot, $0.candidate), votes: $0.votes, share: String(format: "%.1f%%", $0.share * 100), elected: $0.elected) },
            showResults: showResults, flash: flash, seasonId: ballot.subject.kind == "season" ? ballot.subject.id : nil)
        return try pages.html("ballot", title: ballot.purpose, nav: "clusters", content: content, context: context, status: status)
    }

    func show(_ request: Request, context: AppRequestContext) async throws -> Response {
        let identity = try context.requireIdentity()
        try Permissions.requireBrowse(identity)
        return try await render(try context.id(), identity: identity, context: context,
                                flash: request.query("done").map { pages.t($0 == "closed" ? "ballot_closed_done" : "ballot_voted", context) })
    }

    func attempt(_ context: AppRequestContext, _ body: (Identity, Int64) async throws -> String) async throws -> Response {
        let identity = try context.requireIdentity()
        let id = try context.id()
        do {
            return .redirect(to: try await body(identity, id), type: .normal)
        } catch let error as DomainError where error.kind != .notFound {
            let status: HTTPResponse.Status = switch error.kind { case .forbidden: .forbidden; case .conflict: .conflict; default: .unprocessableContent }
            return try await render(id, identity: identity, context: context, flash: pages.localisation.message(error, context.locale), status: status)
        }
    }

    func vote(_ request: Request, context: AppRequestContext) async throws -> Response {
        let form = try await FormData.read(request, context: context)
        return try await attempt(context) { identity, id in
            let choices = (form.values["choice"] ?? []).compactMap { Int64($0) }
            _ = try await ballots.vote(id, voter: identity.account.unitId, choices: choices, as: identity)
            return "/ballots/\(id)?done=voted"
        }
    }

    func close(_ request: Request, context: AppRequestContext) async throws -> Response {
        try await attempt(context) { identity, id in
            _ = try await ballots.close(id, as: identity)
            return "/ballots/\(id)?done=closed"
        }
    }

    struct MinutesBallot { let purpose: String; let eligible: Int; let cast: Int; let results: [ResultRow]; let elected: String }
    struct MinutesContent {
        let season: SeasonRecord; let leader: String; let deputy: String; let ranking: [SeasonPages.RankRow]; let sectionTitles: [String]
        let ballots: [MinutesBallot]; let proposals: [ProposalRecord]; let proposalRows: [ProposalRow]; let hasProposals: Bool
    }
    struct ProposalRow { let unit: String; let form: String; let score: String; let rank: String; let share: String }

    /// Biên bản hội nghị tổng kết: printable HTML in Vietnamese (the stylesheet's print rules hide the chrome).
    func minutes(_ request: Request, context: AppRequestContext) async throws -> Response {
        let content = try await minutesContent(context)
        return try pages.html("minutes", title: pages.t("minutes_title", context), nav: "clusters", content: content, context: context)
    }

    /// The same minutes as a Word document (a minimal DOCX), to edit and sign.
    func minutesDocx(_ request: Request, context: AppRequestContext) async throws -> Response {
        let m = try await minutesContent(context)
        let season = m.season
        var blocks: [DocxWriter.Block] = [
            .paragraph("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", bold: true, centred: true),
            .paragraph("Độc lập - Tự do - Hạnh phúc", bold: true, centred: true),
            .paragraph("BIÊN BẢN", bold: true, centred: true, size: 14),
            .paragraph("Hội nghị tổng kết công tác thi đua năm \(season.year) — \(season.clusterName)", bold: true, centred: true),
            .paragraph("Thời gian: \(season.conferenceOn ?? "……………"). Địa điểm: \(season.conferenceVenue ?? "……………")."),
            .paragraph("Chủ trì: \(m.leader) (Trưởng cụm/khối); \(m.deputy) (Phó Trưởng cụm/khối)."),
            .paragraph("Thành phần tham dự: \(season.conferenceAttendance ?? "đại diện các đơn vị thành viên")."),
            .paragraph("I. Kết quả chấm điểm, xếp hạng thi đua", bold: true),
            .table(header: ["Hạng", "Đơn vị"] + m.sectionTitles + ["Tổng điểm"],
                   rows: m.ranking.map { [String($0.rank), $0.name] + $0.sections + [$0.final] }),
            .paragraph("II. Kết quả bỏ phiếu kín", bold: true),
        ]
        for ballot in m.ballots {
            blocks.append(.paragraph("\(ballot.purpose): \(ballot.cast)/\(ballot.eligible) phiếu.", bold: true))
            blocks.append(.table(header: ["Đơn vị", "Số phiếu", "Tỷ lệ", ""], rows: ballot.results.map { [$0.name, String($0.votes), $0.share, $0.elected ? "Trúng" : ""] }))
        }
        blocks.append(.paragraph("III. Đề nghị khen thưởng", bold: true))
        blocks.append(.table(header: ["Đơn vị", "Hình thức đề nghị", "Tổng điểm", "Hạng", "Tỷ lệ phiếu"],
                             rows: m.proposalRows.map { [$0.unit, $0.form, $0.score, $0.rank, $0.share] }))
        blocks.append(.paragraph("Biên bản được lập và thông qua tại Hội nghị."))
        blocks.append(.paragraph("THƯ KÝ                                        TRƯỞNG CỤM/KHỐI", bold: true, centred: true))
        var headers = HTTPFields()
        headers[.contentType] = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
        headers[.contentDisposition] = "attachment; filename=\"bien-ban-\(season.id).docx\""
        return Response(status: .ok, headers: headers, body: .init(byteBuffer: ByteBuffer(data: try DocxWriter(blocks: blocks).data())))
    }

    func minutesContent(_ context: AppRequestContext) async throws -> MinutesContent {
        let identity = try context.requireIdentity()
        try Permissions.requireBrowse(identity)
        let id = try context.id()
        let season = try await seasons.get(id, as: identity)
        let ranking = try await seasons.ranking(id, as: identity)
        let records = try await ballots.list(subjectKind: "season", subjectId: id, as: identity)
        let proposals = try await seasons.proposals(id, as: identity)
        let names = Dictionary(season.members.map { ($0.unitId, $0.unitName) }, uniquingKeysWith: { a, _ in a })
        let content = MinutesContent(
            season: season, leader: names[season.leaderUnitId] ?? "", deputy: names[season.deputyUnitId] ?? "",
            ranking: ranking.rows.map { row in
                SeasonPages.RankRow(rank: row.rank, name: row.unitName, final: row.final.description,
                                    sections: ranking.sectionOrder.map { row.sections[$0.code]?.description ?? "0" })
            },
            sectionTitles: ranking.sectionOrder.map { "\($0.code). \($0.title)" },
            ballots: records.map { ballot in
                MinutesBallot(purpose: ballot.purpose, eligible: ballot.tally.eligible, cast: ballot.tally.cast,
                              results: ballot.tally.results.map { ResultRow(name: name(ballot, $0.candidate), votes: $0.votes, share: String(format: "%.1f%%", $0.share * 100), elected: $0.elected) },
                              elected: ballot.outcome.elected.map { name(ballot, $0) }.joined(separator: ", "))
            },
            proposals: proposals,
            proposalRows: proposals.map {
                ProposalRow(unit: $0.unitName, form: AwardCatalogue.standard.entry(for: $0.code)?.nameVi ?? $0.code, score: $0.final?.description ?? "—",
                            rank: $0.rank.map(String.init) ?? "—", share: $0.voteShare.map { String(format: "%.1f%%", $0 * 100) } ?? "—")
            },
            hasProposals: !proposals.isEmpty)
        return content
    }
}
