/// Whether a catalogue entry is an emulation title or a form of commendation.
public enum AwardCategory: String, Codable, Sendable, CaseIterable {
    /// Danh hiệu thi đua (Law 06/2022 Art 19–31).
    case emulationTitle = "emulation_title"
    /// Hình thức khen thưởng (Law 06/2022 Art 9).
    case commendationForm = "commendation_form"
}

/// Who decides an award (cấp quyết định).
public enum AwardingLevel: String, Codable, Sendable, CaseIterable {
    case commune
    case grassroots
    case ministryProvince = "ministry_province"
    case province
    case primeMinister = "prime_minister"
    case president
}
