import Foundation
import Hummingbird
import LaurelDomain
import LaurelStore

/// The form that opens a ballot of a season, as the votes page shows it and reads it back. The
/// fields become a `BallotsAPI.CreateRequest`, so the page and the API share one check.
struct SeasonBallotForm {
    struct Box {
        let id: Int64
        let name: String
        let checked: Bool
    }

    /// What a refused form brings back: the values sent and a message per field.
    struct Entry {
        static let fields: Set<String> = ["purpose", "post", "candidates", "voters", "seats", "threshold", "quorum"]
        var values: [String: [String]]
        var errors: [String: String] = [:]
        var general: [String] = []

        init(_ form: FormData) { values = form.values }

        func first(_ name: String) -> String? { values[name]?.first }

        mutating func add(_ list: [DomainError], pages: PageRenderer, context: some SignedInRequestContext) {
            for error in list {
                let message = pages.localisation.message(error, context.locale)
                if let field = error.field, Self.fields.contains(field) {
                    errors[field] = errors[field].map { $0 + " " + message } ?? message
                } else {
                    general.append(message)
                }
            }
        }
    }

    let purpose: Field
    let purposes: [String]
    let posts: [Option]
    let postError: String?
    let candidates: [Box]
    let candidatesError: String?
    let voters: [Box]
    let votersError: String?
    let seats: Field
    let thresholds: [Option]
    let thresholdText: Field
    let quorums: [Option]
    let quorumText: Field
    /// Refusals that belong to no single field (who may open it, a stranger among the voters…).
    let general: [String]
    let hasGeneral: Bool

    init(season: SeasonRecord, entry: Entry?, pages: PageRenderer, context: some SignedInRequestContext) {
        func t(_ key: String, _ arguments: [String] = []) -> String { pages.t(key, context, arguments) }
        let errors = entry?.errors ?? [:]
        let next = String(season.year + 1)
        purpose = Field(value: entry?.first("purpose") ?? "", error: errors["purpose"])
        // Suggestions (a datalist, so that any other purpose can be typed too).
        purposes = [
            t("votes_purpose_flag", [String(season.year)]), t("votes_purpose_certificate", [String(season.year)]),
            t("votes_purpose_leader", [next]), t("votes_purpose_deputy", [next]),
        ]
        let post = entry?.first("post") ?? ""
        posts =
            [Option(value: "", label: t("votes_post_none"), selected: post.isEmpty)]
            + ClusterPost.allCases.map { Option(value: $0.rawValue, label: t("votes_post_\($0.rawValue)"), selected: post == $0.rawValue) }
        postError = errors["post"]
        let chosenCandidates = Set(entry?.values["candidates"] ?? [])
        // Every member votes unless unticked.
        let chosenVoters = entry.map { Set($0.values["voters"] ?? []) }
        candidates = season.members.map { Box(id: $0.unitId, name: $0.unitName, checked: chosenCandidates.contains(String($0.unitId))) }
        voters = season.members.map { Box(id: $0.unitId, name: $0.unitName, checked: chosenVoters?.contains(String($0.unitId)) ?? true) }
        candidatesError = errors["candidates"]
        votersError = errors["voters"]
        seats = Field(value: entry?.first("seats") ?? "1", error: errors["seats"])
        let threshold = entry?.first("threshold") ?? "1/2"
        thresholds = [
            ("1/2", "votes_threshold_half"), ("2/3", "votes_threshold_two_thirds"), ("4/5", "votes_threshold_four_fifths"),
            ("9/10", "votes_threshold_nine_tenths"),
        ].map { Option(value: $0.0, label: t($0.1), selected: threshold == $0.0) }
        thresholdText = Field(value: entry?.first("thresholdText") ?? "", error: errors["threshold"])
        let quorum = entry?.first("quorum") ?? ""
        quorums = [("", "votes_quorum_none"), ("1/2", "votes_quorum_half"), ("2/3", "votes_quorum_two_thirds")]
            .map { Option(value: $0.0, label: t($0.1), selected: quorum == $0.0) }
        quorumText = Field(value: entry?.first("quorumText") ?? "", error: errors["quorum"])
        general = entry?.general ?? []
        hasGeneral = !general.isEmpty
    }

    /// The form as the API's request, and what could not be read (a non-numeric seat count).
    /// A typed share ("4/5", "80%", "0,8") wins over the one picked in the list.
    static func request(_ form: FormData, seasonId: Int64) -> (BallotsAPI.CreateRequest, [DomainError]) {
        var errors: [DomainError] = []
        func text(_ name: String) -> String? {
            guard let value = form[name]?.trimmingCharacters(in: .whitespaces), !value.isEmpty else { return nil }
            return value
        }
        var seats: Int?
        if let raw = text("seats") {
            seats = Int(raw)
            if seats == nil { errors.append(.invalid("error.wrong_type", field: "seats")) }
        }
        func ids(_ name: String) -> [Int64] { (form.values[name] ?? []).compactMap { Int64($0) } }
        func share(_ name: String) -> BallotsAPI.ProportionInput? {
            (text(name + "Text") ?? text(name)).map { BallotsAPI.ProportionInput(text: $0) }
        }
        let body = BallotsAPI.CreateRequest(
            purpose: form["purpose"], subject: .init(kind: BallotDraft.SubjectKind.season.rawValue, id: seasonId),
            candidates: ids("candidates"), voters: ids("voters"), seats: seats, threshold: share("threshold"), quorum: share("quorum"),
            maxRounds: nil, post: text("post"))
        return (body, errors)
    }
}
