extension AwardCatalogue {
    /// The catalogue of /law/catalogue.md: every title and form with its dated coefficients.
    ///
    /// Coefficients: Decree 152/2025 Art 50–54 from 1 July 2025; Decree 98/2023 from 1 January 2024,
    /// whose figures are the same except Giấy khen (0.15 individual, 0.3 collective).
    public static let standard = AwardCatalogue(entries: titles + forms)

    private static let nd98 = LegalReference(LegalReference.decree98)
    private static let nd152 = LegalReference(LegalReference.decree152)

    /// Coefficients that did not change between the two decrees.
    private static func both(
        _ individual: Coefficient?, _ collective: Coefficient? = nil, household: Coefficient? = nil,
        article: Int
    ) -> [BonusCoefficients] {
        [
            BonusCoefficients(
                validFrom: .law2022InForce, decree: nd98,
                individual: individual, collective: collective, household: household),
            BonusCoefficients(
                validFrom: .decree152InForce,
                decree: LegalReference(LegalReference.decree152, article: article),
                individual: individual, collective: collective, household: household),
        ]
    }

    private static func title(
        _ code: String, _ vi: String, _ en: String, _ kind: SubjectKind, _ level: AwardingLevel,
        _ coefficient: Coefficient?, rule: String, basis: [LegalReference], note: String? = nil
    ) -> AwardCatalogueEntry {
        let coefficients: [BonusCoefficients] =
            switch kind {
            case .individual: both(coefficient, article: 50)
            case .collective: both(nil, coefficient, article: 50)
            case .household: both(nil, household: coefficient, article: 50)
            }
        return AwardCatalogueEntry(
            code: code, category: .emulationTitle, nameVi: vi, nameEn: en, subjectKinds: [kind],
            awardingLevel: level, annual: code != "CSTDTQ", coefficients: coefficients,
            legalBasis: basis, ruleReference: rule, note: note)
    }

    private static func form(
        _ code: String, _ vi: String, _ en: String, _ kinds: [SubjectKind], _ level: AwardingLevel,
        _ individual: Coefficient?, _ collective: Coefficient?, article: Int, rule: String,
        basis: [LegalReference], note: String? = nil
    ) -> AwardCatalogueEntry {
        AwardCatalogueEntry(
            code: code, category: .commendationForm, nameVi: vi, nameEn: en, subjectKinds: kinds,
            awardingLevel: level, annual: false,
            coefficients: both(individual, collective, article: article),
            legalBasis: basis, ruleReference: rule, note: note)
    }

    static let titles: [AwardCatalogueEntry] = [
        title(
            "LDTT", "Lao động tiên tiến", "Advanced Worker", .individual, .grassroots, 0.3,
            rule: "R-LDTT", basis: [.law(24, 1)]),
        title(
            "CSTT", "Chiến sĩ tiên tiến", "Advanced Soldier", .individual, .grassroots, 0.3,
            rule: "R-LDTT", basis: [.law(24, 2)], note: "Armed forces (army, police, standing militia)."),
        title(
            "CSTDCS", "Chiến sĩ thi đua cơ sở", "Grassroots Emulation Fighter", .individual, .grassroots, 1.0,
            rule: "R-CSTDCS", basis: [.law(23)],
            note: "No quota by law; an organisation may set one (share of its LDTT), off by default."),
        title(
            "CSTD_BO", "Chiến sĩ thi đua bộ, ban, ngành, tỉnh", "Ministerial or Provincial Emulation Fighter",
            .individual, .ministryProvince, 3.0, rule: "R-CSTD_BO", basis: [.law(22)]),
        title(
            "CSTDTQ", "Chiến sĩ thi đua toàn quốc", "National Emulation Fighter", .individual, .primeMinister, 4.5,
            rule: "R-CSTDTQ", basis: [.law(21)]),
        title(
            "TTLDTT", "Tập thể lao động tiên tiến", "Advanced Labour Collective", .collective, .grassroots, 0.8,
            rule: "R-TTLDTT", basis: [.law(28)], note: "Verbatim 2022 text unconfirmed; 70 % share configurable."),
        title(
            "TTLDXS", "Tập thể lao động xuất sắc", "Excellent Labour Collective", .collective,
            .ministryProvince, 1.5, rule: "R-TTLDXS", basis: [.law(27)],
            note: "Verbatim 2022 text unconfirmed; 70 % share configurable."),
        title(
            "CTD_BO", "Cờ thi đua bộ, ban, ngành, tỉnh", "Ministerial or Provincial Emulation Flag", .collective,
            .ministryProvince, 8.0, rule: "configurable", basis: [.law(26)],
            note: "Leads its cluster/block; council vote ≥ 80 %. Decided from cluster results, not the record."),
        title(
            "CTD_CP", "Cờ thi đua của Chính phủ", "Government Emulation Flag", .collective, .primeMinister, 12.0,
            rule: "configurable", basis: [.law(25)],
            note: "Outstanding among cluster/block leaders; council vote ≥ 80 %."),
        title(
            "XA_TB", "Xã, phường, đặc khu tiêu biểu", "Exemplary Commune, Ward or Special Zone", .collective,
            .province, 2.0, rule: "configurable", basis: [.law(29), LegalReference(LegalReference.decree152, article: 50)],
            note: "Called \"Xã, phường, thị trấn tiêu biểu\" before 1 July 2025. Criteria set by the province."),
        title(
            "THON_VH", "Thôn, tổ dân phố văn hóa", "Cultural Village or Residential Group", .collective,
            .commune, 1.5, rule: "configurable", basis: [.law(30)],
            note: "Criteria set by the province on the Government framework (Decree 86/2023)."),
        title(
            "GDVH", "Gia đình văn hóa", "Cultural Family", .household, .commune, nil,
            rule: "configurable", basis: [.law(31)],
            note: "Bonus and frequency unconfirmed: configure the coefficient."),
    ]

    static let forms: [AwardCatalogueEntry] = [
        AwardCatalogueEntry(
            code: "GK", category: .commendationForm, nameVi: "Giấy khen", nameEn: "Certificate of Commendation",
            subjectKinds: [.individual, .collective, .household], awardingLevel: .grassroots, annual: false,
            coefficients: [
                BonusCoefficients(validFrom: .law2022InForce, decree: nd98, individual: 0.15, collective: 0.3),
                BonusCoefficients(
                    validFrom: .decree152InForce,
                    decree: LegalReference(LegalReference.decree152, article: 54, clause: 1, point: "e"),
                    individual: 0.3, collective: 0.6),
            ],
            legalBasis: [.law(75)], ruleReference: "configurable",
            note: "Criteria detailed by each ministry/province (Law Art 75(2))."),
        form(
            "BK_BO", "Bằng khen bộ, ban, ngành, tỉnh", "Ministerial or Provincial Certificate of Merit",
            [.individual, .collective, .household], .ministryProvince, 1.5, 3.0, article: 54, rule: "R-BK_BO",
            basis: [.law(74, 1, "d")], note: "Rule encoded for individuals; collectives and households configurable."),
        form(
            "BK_TTG", "Bằng khen của Thủ tướng Chính phủ", "Prime Minister's Certificate of Merit",
            [.individual, .collective, .household], .primeMinister, 3.5, 7.0, article: 54, rule: "R-BK_TTG",
            basis: [.law(73, 1, "b")], note: "Rule encoded for individuals; collectives and households configurable."),
        form(
            "HCLD3", "Huân chương Lao động hạng Ba", "Labour Order, Third Class", [.individual, .collective],
            .president, 4.5, 9.0, article: 51, rule: "R-HCLD3", basis: [.law(44, 1)],
            note: "The law's extra element is unconfirmed: configurable, off by default."),
        form(
            "HCLD2", "Huân chương Lao động hạng Nhì", "Labour Order, Second Class", [.individual, .collective],
            .president, 7.5, 15.0, article: 51, rule: "configurable", basis: [.law(44)],
            note: "2022 criteria unconfirmed."),
        form(
            "HCLD1", "Huân chương Lao động hạng Nhất", "Labour Order, First Class", [.individual, .collective],
            .president, 9.0, 18.0, article: 51, rule: "configurable", basis: [.law(44)],
            note: "2022 criteria unconfirmed."),
        form(
            "HCDL3", "Huân chương Độc lập hạng Ba", "Independence Order, Third Class", [.individual, .collective],
            .president, 10.5, 21.0, article: 51, rule: "configurable", basis: [LegalReference.law(33)]),
        form(
            "HCDL2", "Huân chương Độc lập hạng Nhì", "Independence Order, Second Class", [.individual, .collective],
            .president, 12.5, 25.0, article: 51, rule: "configurable", basis: [LegalReference.law(33)]),
        form(
            "HCDL1", "Huân chương Độc lập hạng Nhất", "Independence Order, First Class", [.individual, .collective],
            .president, 15.0, 30.0, article: 51, rule: "configurable", basis: [LegalReference.law(33)]),
        form(
            "HCHCM", "Huân chương Hồ Chí Minh", "Ho Chi Minh Order", [.individual, .collective],
            .president, 30.5, 61.0, article: 51, rule: "configurable", basis: [LegalReference.law(33)]),
        form(
            "HCSV", "Huân chương Sao vàng", "Gold Star Order", [.individual, .collective],
            .president, 46.0, 92.0, article: 51, rule: "configurable", basis: [LegalReference.law(33)]),
        form(
            "KNC", "Kỷ niệm chương", "Commemorative Medal", [.individual], .ministryProvince, 0.6, nil,
            article: 54, rule: "configurable", basis: [LegalReference.law(9, 5)],
            note: "At most 0.6, set per ministry/province (MoHA: 0.4): configure the coefficient."),
    ]
}
