/// The kind of commendation a dossier proposes (loại hình khen thưởng, Law 06/2022 Art 8). Raw
/// values are the API codes.
public enum NominationKind: String, Codable, Sendable, CaseIterable {
    /// Công trạng / thường xuyên: the annual track of regular achievements.
    case regular
    /// Phong trào thi đua chuyên đề, theo đợt: linked to a movement.
    case thematic
    /// Đột xuất: an unexpected outstanding achievement.
    case adHoc = "ad_hoc"
    /// Quá trình cống hiến.
    case contribution
    /// Theo niên hạn (armed forces, police).
    case longService = "long_service"
    /// Đối ngoại: foreigners and overseas Vietnamese.
    case foreign

    /// The kind the award register records once the dossier is decided.
    public var awardKind: AwardKind {
        switch self {
        case .regular: .merit
        case .thematic: .thematic
        case .adHoc: .adHoc
        case .contribution: .contribution
        case .longService: .seniority
        case .foreign: .foreign
        }
    }

    /// Whether the candidates must pass the eligibility engine to be submitted. Only an ad hoc
    /// award rewards an achievement no record chain foresees, so only there may an ineligible
    /// candidate be proposed, with the achievement stated by the officer (issue 9, point 3).
    public var isChained: Bool { self != .adHoc }

    /// Whether the simplified procedure (thủ tục đơn giản) applies: Law 06/2022 Art 85 and
    /// Decree 98/2023 Art 40(1) name ad hoc achievements and the cống hiến, niên hạn and đối ngoại
    /// awards (LAW_FACTS §3.2). Thematic awards may also qualify when they serve a political task
    /// "in time"; that is a case-by-case judgement, so they keep the full procedure here.
    public var usesSimplifiedProcedure: Bool {
        switch self {
        case .adHoc, .contribution, .longService, .foreign: true
        case .regular, .thematic: false
        }
    }
}
