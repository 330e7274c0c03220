import LaurelDomain

/// What a file can import, and the columns each kind reads (docs/import-formats.md).
public enum ImportKind: String, CaseIterable, Sendable {
    case units, people, assessments, initiatives, awards

    /// A column of the layout: its key (the English header), the Vietnamese header, and whether
    /// every row needs it. Headers match ignoring case, accents, spaces and punctuation.
    struct Column: Sendable {
        let key: String
        let vi: String
        let required: Bool
        let example: String
    }

    var columns: [Column] {
        switch self {
        case .units:
            [
                .init(key: "code", vi: "Mã đơn vị", required: true, example: "HN-S9"),
                .init(key: "name", vi: "Tên đơn vị", required: true, example: "Sở Tư pháp Thành phố Hà Nội"),
                .init(key: "kind", vi: "Loại đơn vị", required: true, example: "department"),
                .init(key: "level", vi: "Cấp", required: true, example: "provincial"),
                .init(key: "parentCode", vi: "Mã đơn vị cấp trên", required: true, example: "HN"),
            ]
        case .people:
            [
                .init(key: "fullName", vi: "Họ và tên", required: true, example: "Nguyễn Thị Hạnh"),
                .init(key: "gender", vi: "Giới tính", required: true, example: "Nữ"),
                .init(key: "birthDate", vi: "Ngày sinh", required: false, example: "1985-03-14"),
                .init(key: "unitCode", vi: "Mã đơn vị", required: true, example: "HN-S1"),
                .init(key: "position", vi: "Chức vụ", required: false, example: "Chuyên viên"),
                .init(key: "staffCategory", vi: "Đối tượng", required: true, example: "civil_servant"),
                .init(key: "holdsManagementPost", vi: "Giữ chức vụ quản lý", required: false, example: "không"),
                .init(key: "ethnicity", vi: "Dân tộc", required: false, example: "Kinh"),
            ]
        case .assessments:
            Self.subjectColumns + [
                .init(key: "year", vi: "Năm", required: true, example: "2024"),
                .init(key: "rating", vi: "Xếp loại", required: true, example: "Hoàn thành xuất sắc nhiệm vụ"),
                .init(key: "discipline", vi: "Kỷ luật", required: false, example: ""),
                .init(key: "notes", vi: "Ghi chú", required: false, example: ""),
            ]
        case .initiatives:
            [
                .init(key: "title", vi: "Tên sáng kiến", required: true, example: "Số hóa hồ sơ thi đua"),
                .init(key: "year", vi: "Năm", required: true, example: "2024"),
                .init(key: "level", vi: "Cấp công nhận", required: true, example: "grassroots"),
                .init(key: "authors", vi: "Tác giả", required: true, example: "12:60; 15:40"),
                .init(key: "decisionNumber", vi: "Số quyết định", required: false, example: "45/QĐ-SNV"),
            ]
        case .awards:
            Self.subjectColumns + [
                .init(key: "code", vi: "Mã khen thưởng", required: true, example: "LDTT"),
                .init(key: "year", vi: "Năm", required: true, example: "2024"),
                .init(key: "kind", vi: "Loại hình", required: false, example: "merit"),
                .init(key: "decisionNumber", vi: "Số quyết định", required: false, example: "123/QĐ-UBND"),
                .init(key: "decisionDate", vi: "Ngày quyết định", required: false, example: "2024-12-20"),
                .init(key: "authority", vi: "Cấp quyết định", required: false, example: "Chủ tịch UBND thành phố"),
                .init(key: "status", vi: "Trạng thái", required: false, example: "valid"),
            ]
        }
    }

    /// Who a record row is about: a person (by id, or by name, birth date and unit) or, with only
    /// a unit code, the unit itself.
    static let subjectColumns: [Column] = [
        .init(key: "personId", vi: "Mã cá nhân", required: false, example: ""),
        .init(key: "fullName", vi: "Họ và tên", required: false, example: "Nguyễn Thị Hạnh"),
        .init(key: "birthDate", vi: "Ngày sinh", required: false, example: "1985-03-14"),
        // Required unless the person's id is given (checked row by row).
        .init(key: "unitCode", vi: "Mã đơn vị", required: false, example: "HN-S1"),
    ]

    /// Folds a header or a value for matching: no case, accents, spaces or punctuation.
    static func fold(_ text: String) -> String {
        String(
            VietnameseText.searchKey(text).unicodeScalars.filter { $0.properties.isAlphabetic || ("0"..."9").contains($0) }.map(
                Character.init))
    }

    /// Column key for a header cell, if the header is one of ours (English or Vietnamese).
    func key(forHeader header: String) -> String? {
        let folded = Self.fold(header)
        guard !folded.isEmpty else { return nil }
        return columns.first { Self.fold($0.key) == folded || Self.fold($0.vi) == folded }?.key
    }
}
