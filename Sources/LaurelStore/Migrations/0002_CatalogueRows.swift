extension CreateRecords {
    /// One row of `award_types` as migration 2 wrote it.
    struct CatalogueRow: Sendable, Equatable, CustomStringConvertible {
        let code: String
        let category: String
        let nameVi: String
        let nameEn: String
        /// Comma-separated `SubjectKind` codes.
        let subjectKinds: String
        let awardingLevel: String
        let annual: Bool
        /// Thousandths of the base salary (Decree 152/2025 figures).
        let coefficientIndividual: Int?
        let coefficientCollective: Int?
        /// `LegalReference` descriptions joined by "; ".
        let legalBasis: String
        let ruleReference: String
        let position: Int
        let note: String?

        var description: String {
            [
                code, category, nameVi, nameEn, subjectKinds, awardingLevel, "\(annual)", coefficientIndividual.map(String.init) ?? "-",
                coefficientCollective.map(String.init) ?? "-", legalBasis, ruleReference, "\(position)", note ?? "-",
            ].joined(separator: " | ")
        }
    }

    /// The built-in catalogue as it stood when migration 2 landed: a frozen copy of
    /// `AwardCatalogue.standard` (the latest coefficients of each entry), in catalogue order.
    /// Never edit these rows; a change to the compiled catalogue is a new migration that inserts or
    /// updates `award_types` (MigrationSchemaTests says when one is due).
    static let catalogueRows: [CatalogueRow] = [
        CatalogueRow(
            code: "LDTT", category: "emulation_title",
            nameVi: "Lao động tiên tiến",
            nameEn: "Advanced Worker",
            subjectKinds: "individual", awardingLevel: "grassroots", annual: true,
            coefficientIndividual: 300, coefficientCollective: nil,
            legalBasis: "Law 06/2022/QH15 Art 24(1)",
            ruleReference: "R-LDTT", position: 0,
            note: nil),
        CatalogueRow(
            code: "CSTT", category: "emulation_title",
            nameVi: "Chiến sĩ tiên tiến",
            nameEn: "Advanced Soldier",
            subjectKinds: "individual", awardingLevel: "grassroots", annual: true,
            coefficientIndividual: 300, coefficientCollective: nil,
            legalBasis: "Law 06/2022/QH15 Art 24(2)",
            ruleReference: "R-LDTT", position: 1,
            note: "Armed forces (army, police, standing militia)."),
        CatalogueRow(
            code: "CSTDCS", category: "emulation_title",
            nameVi: "Chiến sĩ thi đua cơ sở",
            nameEn: "Grassroots Emulation Fighter",
            subjectKinds: "individual", awardingLevel: "grassroots", annual: true,
            coefficientIndividual: 1000, coefficientCollective: nil,
            legalBasis: "Law 06/2022/QH15 Art 23",
            ruleReference: "R-CSTDCS", position: 2,
            note: "No quota by law; an organisation may set one (share of its LDTT), off by default."),
        CatalogueRow(
            code: "CSTD_BO", category: "emulation_title",
            nameVi: "Chiến sĩ thi đua bộ, ban, ngành, tỉnh",
            nameEn: "Ministerial or Provincial Emulation Fighter",
            subjectKinds: "individual", awardingLevel: "ministry_province", annual: true,
            coefficientIndividual: 3000, coefficientCollective: nil,
            legalBasis: "Law 06/2022/QH15 Art 22",
            ruleReference: "R-CSTD_BO", position: 3,
            note: nil),
        CatalogueRow(
            code: "CSTDTQ", category: "emulation_title",
            nameVi: "Chiến sĩ thi đua toàn quốc",
            nameEn: "National Emulation Fighter",
            subjectKinds: "individual", awardingLevel: "prime_minister", annual: false,
            coefficientIndividual: 4500, coefficientCollective: nil,
            legalBasis: "Law 06/2022/QH15 Art 21",
            ruleReference: "R-CSTDTQ", position: 4,
            note: nil),
        CatalogueRow(
            code: "TTLDTT", category: "emulation_title",
            nameVi: "Tập thể lao động tiên tiến",
            nameEn: "Advanced Labour Collective",
            subjectKinds: "collective", awardingLevel: "grassroots", annual: true,
            coefficientIndividual: nil, coefficientCollective: 800,
            legalBasis: "Law 06/2022/QH15 Art 28",
            ruleReference: "R-TTLDTT", position: 5,
            note: "Verbatim 2022 text unconfirmed; 70 % share configurable."),
        CatalogueRow(
            code: "TTLDXS", category: "emulation_title",
            nameVi: "Tập thể lao động xuất sắc",
            nameEn: "Excellent Labour Collective",
            subjectKinds: "collective", awardingLevel: "ministry_province", annual: true,
            coefficientIndividual: nil, coefficientCollective: 1500,
            legalBasis: "Law 06/2022/QH15 Art 27",
            ruleReference: "R-TTLDXS", position: 6,
            note: "Verbatim 2022 text unconfirmed; 70 % share configurable."),
        CatalogueRow(
            code: "CTD_BO", category: "emulation_title",
            nameVi: "Cờ thi đua bộ, ban, ngành, tỉnh",
            nameEn: "Ministerial or Provincial Emulation Flag",
            subjectKinds: "collective", awardingLevel: "ministry_province", annual: true,
            coefficientIndividual: nil, coefficientCollective: 8000,
            legalBasis: "Law 06/2022/QH15 Art 26",
            ruleReference: "configurable", position: 7,
            note: "Leads its cluster/block; council vote ≥ 80 %. Decided from cluster results, not the record."),
        CatalogueRow(
            code: "CTD_CP", category: "emulation_title",
            nameVi: "Cờ thi đua của Chính phủ",
            nameEn: "Government Emulation Flag",
            subjectKinds: "collective", awardingLevel: "prime_minister", annual: true,
            coefficientIndividual: nil, coefficientCollective: 12000,
            legalBasis: "Law 06/2022/QH15 Art 25",
            ruleReference: "configurable", position: 8,
            note: "Outstanding among cluster/block leaders; council vote ≥ 80 %."),
        CatalogueRow(
            code: "XA_TB", category: "emulation_title",
            nameVi: "Xã, phường, đặc khu tiêu biểu",
            nameEn: "Exemplary Commune, Ward or Special Zone",
            subjectKinds: "collective", awardingLevel: "province", annual: true,
            coefficientIndividual: nil, coefficientCollective: 2000,
            legalBasis: "Law 06/2022/QH15 Art 29; Decree 152/2025/NĐ-CP Art 50",
            ruleReference: "configurable", position: 9,
            note: "Called \"Xã, phường, thị trấn tiêu biểu\" before 1 July 2025. Criteria set by the province."),
        CatalogueRow(
            code: "THON_VH", category: "emulation_title",
            nameVi: "Thôn, tổ dân phố văn hóa",
            nameEn: "Cultural Village or Residential Group",
            subjectKinds: "collective", awardingLevel: "commune", annual: true,
            coefficientIndividual: nil, coefficientCollective: 1500,
            legalBasis: "Law 06/2022/QH15 Art 30",
            ruleReference: "configurable", position: 10,
            note: "Criteria set by the province on the Government framework (Decree 86/2023)."),
        CatalogueRow(
            code: "GDVH", category: "emulation_title",
            nameVi: "Gia đình văn hóa",
            nameEn: "Cultural Family",
            subjectKinds: "household", awardingLevel: "commune", annual: true,
            coefficientIndividual: nil, coefficientCollective: nil,
            legalBasis: "Law 06/2022/QH15 Art 31",
            ruleReference: "configurable", position: 11,
            note: "Bonus and frequency unconfirmed: configure the coefficient."),
        CatalogueRow(
            code: "GK", category: "commendation_form",
            nameVi: "Giấy khen",
            nameEn: "Certificate of Commendation",
            subjectKinds: "individual,collective,household", awardingLevel: "grassroots", annual: false,
            coefficientIndividual: 300, coefficientCollective: 600,
            legalBasis: "Law 06/2022/QH15 Art 75",
            ruleReference: "configurable", position: 12,
            note: "Criteria detailed by each ministry/province (Law Art 75(2))."),
        CatalogueRow(
            code: "BK_BO", category: "commendation_form",
            nameVi: "Bằng khen bộ, ban, ngành, tỉnh",
            nameEn: "Ministerial or Provincial Certificate of Merit",
            subjectKinds: "individual,collective,household", awardingLevel: "ministry_province", annual: false,
            coefficientIndividual: 1500, coefficientCollective: 3000,
            legalBasis: "Law 06/2022/QH15 Art 74(1)(d)",
            ruleReference: "R-BK_BO", position: 13,
            note: "Rule encoded for individuals; collectives and households configurable."),
        CatalogueRow(
            code: "BK_TTG", category: "commendation_form",
            nameVi: "Bằng khen của Thủ tướng Chính phủ",
            nameEn: "Prime Minister's Certificate of Merit",
            subjectKinds: "individual,collective,household", awardingLevel: "prime_minister", annual: false,
            coefficientIndividual: 3500, coefficientCollective: 7000,
            legalBasis: "Law 06/2022/QH15 Art 73(1)(b)",
            ruleReference: "R-BK_TTG", position: 14,
            note: "Rule encoded for individuals; collectives and households configurable."),
        CatalogueRow(
            code: "HCLD3", category: "commendation_form",
            nameVi: "Huân chương Lao động hạng Ba",
            nameEn: "Labour Order, Third Class",
            subjectKinds: "individual,collective", awardingLevel: "president", annual: false,
            coefficientIndividual: 4500, coefficientCollective: 9000,
            legalBasis: "Law 06/2022/QH15 Art 44(1)",
            ruleReference: "R-HCLD3", position: 15,
            note: "The law's extra element is unconfirmed: configurable, off by default."),
        CatalogueRow(
            code: "HCLD2", category: "commendation_form",
            nameVi: "Huân chương Lao động hạng Nhì",
            nameEn: "Labour Order, Second Class",
            subjectKinds: "individual,collective", awardingLevel: "president", annual: false,
            coefficientIndividual: 7500, coefficientCollective: 15000,
            legalBasis: "Law 06/2022/QH15 Art 44",
            ruleReference: "configurable", position: 16,
            note: "2022 criteria unconfirmed."),
        CatalogueRow(
            code: "HCLD1", category: "commendation_form",
            nameVi: "Huân chương Lao động hạng Nhất",
            nameEn: "Labour Order, First Class",
            subjectKinds: "individual,collective", awardingLevel: "president", annual: false,
            coefficientIndividual: 9000, coefficientCollective: 18000,
            legalBasis: "Law 06/2022/QH15 Art 44",
            ruleReference: "configurable", position: 17,
            note: "2022 criteria unconfirmed."),
        CatalogueRow(
            code: "HCDL3", category: "commendation_form",
            nameVi: "Huân chương Độc lập hạng Ba",
            nameEn: "Independence Order, Third Class",
            subjectKinds: "individual,collective", awardingLevel: "president", annual: false,
            coefficientIndividual: 10500, coefficientCollective: 21000,
            legalBasis: "Law 06/2022/QH15 Art 33",
            ruleReference: "configurable", position: 18,
            note: nil),
        CatalogueRow(
            code: "HCDL2", category: "commendation_form",
            nameVi: "Huân chương Độc lập hạng Nhì",
            nameEn: "Independence Order, Second Class",
            subjectKinds: "individual,collective", awardingLevel: "president", annual: false,
            coefficientIndividual: 12500, coefficientCollective: 25000,
            legalBasis: "Law 06/2022/QH15 Art 33",
            ruleReference: "configurable", position: 19,
            note: nil),
        CatalogueRow(
            code: "HCDL1", category: "commendation_form",
            nameVi: "Huân chương Độc lập hạng Nhất",
            nameEn: "Independence Order, First Class",
            subjectKinds: "individual,collective", awardingLevel: "president", annual: false,
            coefficientIndividual: 15000, coefficientCollective: 30000,
            legalBasis: "Law 06/2022/QH15 Art 33",
            ruleReference: "configurable", position: 20,
            note: nil),
        CatalogueRow(
            code: "HCHCM", category: "commendation_form",
            nameVi: "Huân chương Hồ Chí Minh",
            nameEn: "Ho Chi Minh Order",
            subjectKinds: "individual,collective", awardingLevel: "president", annual: false,
            coefficientIndividual: 30500, coefficientCollective: 61000,
            legalBasis: "Law 06/2022/QH15 Art 33",
            ruleReference: "configurable", position: 21,
            note: nil),
        CatalogueRow(
            code: "HCSV", category: "commendation_form",
            nameVi: "Huân chương Sao vàng",
            nameEn: "Gold Star Order",
            subjectKinds: "individual,collective", awardingLevel: "president", annual: false,
            coefficientIndividual: 46000, coefficientCollective: 92000,
            legalBasis: "Law 06/2022/QH15 Art 33",
            ruleReference: "configurable", position: 22,
            note: nil),
        CatalogueRow(
            code: "KNC", category: "commendation_form",
            nameVi: "Kỷ niệm chương",
            nameEn: "Commemorative Medal",
            subjectKinds: "individual", awardingLevel: "ministry_province", annual: false,
            coefficientIndividual: 600, coefficientCollective: nil,
            legalBasis: "Law 06/2022/QH15 Art 9(5)",
            ruleReference: "configurable", position: 23,
            note: "At most 0.6, set per ministry/province (MoHA: 0.4): configure the coefficient."),
    ]
}
