import Foundation
import Hummingbird
import LaurelDocuments
import LaurelDomain
import LaurelStore

/// The minutes (biên bản) of a season's summary conference, built from the data: the ranking, the
/// ballots' results and the proposals. One `Minutes` value gives both the printable page and the
/// Word document, so the two never say different things; the text follows the reader's language
/// (Vietnamese by default, as the signed document is).
struct MinutesPages {
    let seasons: SeasonStore
    let ballots: BallotStore
    let pages: PageRenderer

    func register(on routes: SignedInRoutes) {
        routes.browse.get("seasons/{id}/minutes", use: page)
        routes.browse.get("seasons/{id}/minutes.docx", use: docx)
    }

    struct Table {
        struct Line { let cells: [String] }
        let header: [String]
        let rows: [[String]]
        let widths: [Int]
        /// The rows again, for the template (a section cannot iterate an array of arrays).
        let lines: [Line]
        init(header: [String], rows: [[String]], widths: [Int]) {
            self.header = header
            self.rows = rows
            self.widths = widths
            lines = rows.map(Line.init)
        }
    }
    struct BallotPart {
        let heading: String
        let summary: String
        let table: Table?
        let result: String?
    }

    /// Everything the minutes say, already in words and formatted numbers.
    struct Minutes {
        let season: SeasonRecord
        let body: String
        let nation: String
        let motto: String
        let placeDate: String
        let heading: String
        let subject: String
        let time: String
        let chair: String
        let attendance: String
        let rankingHeading: String
        let ranking: Table
        let unranked: String?
        let ballotsHeading: String
        let ballots: [BallotPart]
        let noBallots: String?
        let proposalsHeading: String
        let proposals: Table?
        let noProposals: String?
        let closing: String
        let secretary: String
        let chairman: String
        let chairmanName: String
        let signNote: String
        let tabMinutes = true
    }

    func page(_ request: Request, context: BrowseContext) async throws -> Response {
        let minutes = try await load(context)
        return try pages.html("minutes", title: pages.t("minutes_title", context), nav: "clusters", content: minutes, context: context)
    }

    func docx(_ request: Request, context: BrowseContext) async throws -> Response {
        let m = try await load(context)
        var blocks: [DocxWriter.Block] = [
            .columns(
                [
                    [.init(m.body, bold: true)],
                    [.init(m.nation, bold: true), .init(m.motto, bold: true), .init(m.placeDate, italic: true)],
                ], widths: [2, 3]),
            .paragraph(m.heading, bold: true, centred: true, size: 14),
            .paragraph(m.subject, bold: true, centred: true),
            .paragraph(m.time), .paragraph(m.chair), .paragraph(m.attendance),
            .paragraph(m.rankingHeading, bold: true),
            .table(header: m.ranking.header, rows: m.ranking.rows, widths: m.ranking.widths),
        ]
        if let unranked = m.unranked { blocks.append(.paragraph(unranked, italic: true)) }
        blocks.append(.paragraph(m.ballotsHeading, bold: true))
        if let none = m.noBallots { blocks.append(.paragraph(none)) }
        for ballot in m.ballots {
            blocks.append(.paragraph(ballot.heading, bold: true))
            blocks.append(.paragraph(ballot.summary))
            if let table = ballot.table { blocks.append(.table(header: table.header, rows: table.rows, widths: table.widths)) }
            if let result = ballot.result { blocks.append(.paragraph(result)) }
        }
        blocks.append(.paragraph(m.proposalsHeading, bold: true))
        if let table = m.proposals { blocks.append(.table(header: table.header, rows: table.rows, widths: table.widths)) }
        if let none = m.noProposals { blocks.append(.paragraph(none)) }
        blocks.append(.paragraph(m.closing))
        blocks.append(
            .columns([
                [.init(m.secretary, bold: true), .init(m.signNote, italic: true)],
                [.init(m.chairman, bold: true), .init(m.signNote, italic: true), .init(""), .init(""), .init(m.chairmanName, bold: true)],
            ]))
        var headers = HTTPFields()
        headers[.contentType] = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
        headers[.contentDisposition] = ContentDisposition.attachment("bien-ban-\(m.season.id).docx")
        let data = try DocxWriter(blocks: blocks, title: "\(m.heading) — \(m.subject)").data()
        return Response(status: .ok, headers: headers, body: .init(byteBuffer: ByteBuffer(data: data)))
    }

    func load(_ context: BrowseContext) async throws -> Minutes {
        let identity = context.identity
        let id = try context.id()
        let season = try await seasons.get(id, as: identity)
        let ranking = try await seasons.ranking(id, as: identity)
        let records = try await ballots.list(subjectKind: .season, subjectId: id, as: identity)
        let proposals = try await seasons.proposals(id, as: identity)
        return minutes(season: season, ranking: ranking, ballots: records, proposals: proposals, context: context)
    }

    func minutes(
        season: SeasonRecord, ranking: RankingRecord, ballots: [BallotRecord], proposals: [ProposalRecord],
        context: some SignedInRequestContext
    ) -> Minutes {
        func t(_ key: String, _ arguments: String...) -> String { pages.t(key, context, arguments) }
        let number = LocalNumber(locale: context.locale)
        let names = Dictionary(season.members.map { ($0.unitId, $0.unitName) }, uniquingKeysWith: { first, _ in first })
        let leader = names[season.leaderUnitId] ?? ""
        let deputy = names[season.deputyUnitId] ?? ""
        let day = season.conferenceOn.flatMap { CalendarDate($0) }
        let blank = "……………"
        let sections = ranking.sectionOrder
        let rankingTable = Table(
            header: [t("minutes_rank"), t("minutes_unit")] + sections.map { "\($0.code). \($0.title)" } + [t("minutes_total")],
            rows: ranking.rows.map { row in
                [String(row.rank), row.unitName] + sections.map { number.points(row.sections[$0.code] ?? .zero) } + [
                    number.points(row.final)
                ]
            },
            widths: [3, 8] + sections.map { _ in 3 } + [3])
        let ballotParts = ballots.map { ballot in
            let name = { (unit: Int64) in ballot.names[String(unit)] ?? "#\(unit)" }
            let elected = ballot.outcome?.elected.map(name) ?? []
            // A round still taking papers has no count to put in the minutes yet (`TallyView`).
            let table = ballot.tally.counted.map { tally in
                Table(
                    header: [t("minutes_unit"), t("minutes_votes"), t("minutes_share"), t("minutes_result")],
                    rows: tally.results.map {
                        [name($0.candidate), String($0.votes), number.percent($0.share), $0.elected ? t("minutes_elected") : ""]
                    },
                    widths: [8, 2, 2, 2])
            }
            return BallotPart(
                heading: ballot.purpose,
                summary: t("minutes_ballot_summary", String(ballot.tally.eligible), String(ballot.tally.cast)),
                table: table,
                result: table == nil
                    ? t("minutes_ballot_running") : elected.isEmpty ? nil : t("minutes_ballot_result", elected.joined(separator: ", ")))
        }
        let proposalTable =
            proposals.isEmpty
            ? nil
            : Table(
                header: [t("minutes_unit"), t("minutes_form"), t("minutes_total"), t("minutes_rank"), t("minutes_vote_share")],
                rows: proposals.map { proposal in
                    let entry = context.catalogue.entry(for: proposal.code)
                    return [
                        proposal.unitName, (context.locale == .en ? entry?.nameEn : entry?.nameVi) ?? proposal.code,
                        proposal.final.map(number.points) ?? "—", proposal.rank.map(String.init) ?? "—",
                        proposal.voteShare.map(number.percent) ?? "—",
                    ]
                },
                widths: [6, 6, 2, 2, 2])
        return Minutes(
            season: season, body: season.clusterName.uppercased(with: Locale(identifier: "vi_VN")),
            nation: t("minutes_nation"), motto: t("minutes_motto"),
            placeDate: day.map { t("minutes_place_date", blank, String($0.day), String($0.month), String($0.year)) }
                ?? t("minutes_place_date", blank, "…", "…", String(season.year + 1)),
            heading: t("minutes_heading"), subject: t("minutes_subject", String(season.year), season.clusterName),
            time: t("minutes_time", season.conferenceOn ?? blank, season.conferenceVenue.flatMap { $0.isEmpty ? nil : $0 } ?? blank),
            chair: t("minutes_chair", leader, deputy),
            attendance: t(
                "minutes_attendance", season.conferenceAttendance.flatMap { $0.isEmpty ? nil : $0 } ?? t("minutes_attendance_default")),
            rankingHeading: t("minutes_section_ranking"), ranking: rankingTable,
            unranked: ranking.pendingDetails.isEmpty
                ? nil : t("minutes_unranked", ranking.pendingDetails.map(\.unitName).joined(separator: "; ")),
            ballotsHeading: t("minutes_section_ballots"), ballots: ballotParts, noBallots: ballots.isEmpty ? t("minutes_no_ballots") : nil,
            proposalsHeading: t("minutes_section_proposals"), proposals: proposalTable,
            noProposals: proposals.isEmpty ? t("minutes_no_proposals") : nil,
            closing: t("minutes_closing"), secretary: t("minutes_secretary"), chairman: t("minutes_chairman"), chairmanName: leader,
            signNote: t("minutes_sign_note"))
    }
}
