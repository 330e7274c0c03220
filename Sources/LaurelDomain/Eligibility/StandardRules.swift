/// The conditions of catalogue.md's rules (R-LDTT … R-TTLDXS), and the manual placeholders of
/// the titles and forms whose criteria are configurable. Law articles are Law 06/2022/QH15.
enum StandardRules {
    static func conditions(code: String, kind: SubjectKind, settings: EligibilitySettings) -> [RuleCondition] {
        var list = [RuleCondition("subject.kind", .subjectKind([kind]))]
        list += specific(code: code, kind: kind, settings: settings)
        return list
    }

    // A year with discipline disqualifies every title for that year (catalogue.md); for forms
    // Laurel reads Decree 152/2025 Art 4(3) the same way.
    private static let noDisciplineThisYear = RuleCondition(
        "discipline.none", .noDiscipline(atLeast: .reprimand, window: .thisYear))

    private static func goodPlus(_ id: String) -> RuleCondition {
        RuleCondition(id, .ratingInEach(atLeast: .good, window: .thisYear))
    }

    private static func manual(_ id: String, _ text: String) -> [RuleCondition] {
        [RuleCondition(id, .manual(text))]
    }

    private static func specific(code: String, kind: SubjectKind, settings: EligibilitySettings) -> [RuleCondition] {
        let memberShare = settings.collectiveLDTTSharePercent
        switch (code, kind) {
        case ("LDTT", _):  // Art 24(1)
            return [
                RuleCondition(
                    "staff.not_armed_forces",
                    .staffCategory(
                        StaffCategory.allCases.filter { $0 != .armedForces }, unknownMeets: true)),
                goodPlus("rating.good_plus"), noDisciplineThisYear,
            ]
        case ("CSTT", _):  // Art 24(2)
            return [
                RuleCondition("staff.armed_forces", .staffCategory([.armedForces], unknownMeets: false)),
                goodPlus("rating.good_plus"), noDisciplineThisYear,
            ]
        case ("CSTDCS", _):  // Art 23: LDTT/CSTT criteria and (excellent or a grassroots initiative)
            return [
                goodPlus("rating.good_plus"), noDisciplineThisYear,
                RuleCondition(
                    "cstdcs.excellent_or_initiative",
                    .anyOf([
                        [RuleCondition("rating.excellent", .ratingInEach(atLeast: .excellent, window: .thisYear))],
                        [
                            RuleCondition(
                                "initiative.grassroots",
                                .initiatives(
                                    atLeast: .grassroots, count: 1, window: .thisYear, inEachYear: false))
                        ],
                    ])),
            ]
        case ("CSTD_BO", _):  // Art 22
            return [
                noDisciplineThisYear,
                RuleCondition("cstd_bo.cstdcs_3_consecutive", .heldInYears(code: "CSTDCS", offsets: [-2, -1, 0])),
                RuleCondition(
                    "cstd_bo.initiative_ministerial",
                    .initiatives(
                        atLeast: .ministerialProvincial, count: 1, window: .last(3), inEachYear: false)),
            ]
        case ("CSTDTQ", _):  // Art 21: CSTD_BO twice in a row (Y−3 and Y), national initiative in Y−5…Y
            return [
                noDisciplineThisYear,
                RuleCondition("cstdtq.cstd_bo_twice", .heldInYears(code: "CSTD_BO", offsets: [-3, 0])),
                RuleCondition(
                    "cstdtq.initiative_national",
                    .initiatives(
                        atLeast: .national, count: 1, window: .last(6), inEachYear: false)),
            ]
        case ("TTLDTT", _):  // Art 28
            return [
                goodPlus("rating.good_plus"), noDisciplineThisYear,
                RuleCondition("members.ldtt_share", .memberShareHolding(code: "LDTT", percent: memberShare)),
                RuleCondition("members.no_warning", .noMemberDiscipline(atLeast: .warning)),
            ]
        case ("TTLDXS", _):  // Art 27
            return [
                RuleCondition("rating.excellent", .ratingInEach(atLeast: .excellent, window: .thisYear)),
                noDisciplineThisYear,
                RuleCondition("members.all_complete", .everyMemberRating(atLeast: .complete)),
                RuleCondition("members.ldtt_share", .memberShareHolding(code: "LDTT", percent: memberShare)),
                RuleCondition("members.one_cstdcs", .membersHolding(code: "CSTDCS", count: 1)),
                RuleCondition("members.no_warning", .noMemberDiscipline(atLeast: .warning)),
            ]
        case ("BK_BO", .individual):  // Art 74(1)(d)
            return [
                noDisciplineThisYear,
                RuleCondition(
                    "bk_bo.chain",
                    .anyOf([
                        [RuleCondition("bk_bo.cstdcs_2_consecutive", .heldInYears(code: "CSTDCS", offsets: [-1, 0]))],
                        [
                            RuleCondition("bk_bo.excellent_2_years", .ratingInEach(atLeast: .excellent, window: .last(2))),
                            RuleCondition(
                                "bk_bo.two_initiatives",
                                .initiatives(
                                    atLeast: .grassroots, count: 2, window: .last(2), inEachYear: false)),
                        ],
                    ])),
            ]
        case ("BK_TTG", .individual):  // Art 73(1)(b)
            return fiveYearsAfter("BK_BO", prefix: "bk_ttg", settings: settings, extraExcellent: false)
        case ("HCLD3", .individual):  // Art 44(1)
            return fiveYearsAfter(
                "BK_TTG", prefix: "hcld3", settings: settings,
                extraExcellent: settings.hcld3RequiresExcellentYear)
        case ("CTD_BO", _):
            return manual("cluster.leader", "leads its emulation cluster/block for the year (cluster results)")
                + manual("council.vote_80", "council vote of at least 80 % of all members")
        case ("CTD_CP", _):
            return manual(
                "cluster.outstanding_leader",
                "most outstanding among the leading collectives of clusters/blocks (Law Art 25)")
                + manual("council.vote_80", "council vote of at least 80 % of all members")
        case ("GK", .individual), ("GK", .collective):  // Art 75: HTTNV and an achievement
            return [goodPlus("rating.good_plus"), noDisciplineThisYear]
                + manual(
                    "gk.achievement",
                    "an achievement in a movement, or ad hoc, within the unit's domain; "
                        + "criteria detailed by the ministry/province (Law Art 75(2))")
        default:
            return [noDisciplineThisYear]
                + manual(
                    "criteria.configurable",
                    "criteria for \(kind.rawValue) not encoded (set by the ministry/province or unconfirmed): "
                        + "configure a rule")
        }
    }

    /// R-BK_TTG and R-HCLD3: holds `prerequisite` in some year B; Y−4…Y all after B, all good+;
    /// CSTDCS in at least 3 of them.
    private static func fiveYearsAfter(
        _ prerequisite: String, prefix: String, settings: EligibilitySettings, extraExcellent: Bool
    ) -> [RuleCondition] {
        var list = [
            noDisciplineThisYear,
            RuleCondition("\(prefix).\(prerequisite.lowercased())_before", .heldBefore(code: prerequisite, window: .last(5))),
            RuleCondition("\(prefix).good_plus_5_years", .ratingInEach(atLeast: .good, window: .last(5))),
            RuleCondition("\(prefix).cstdcs_3_times", .heldTimes(code: "CSTDCS", times: 3, window: .last(5), consecutive: false)),
        ]
        if extraExcellent {
            list.append(RuleCondition("\(prefix).excellent_once", .ratingTimes(atLeast: .excellent, times: 1, window: .last(5))))
        }
        return list
    }
}
