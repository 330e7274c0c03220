import LaurelDomain

/// A deterministic generator of realistic Vietnamese organisations: the demo data and the
/// benchmark's provinces come from here, so the same seed gives the same tree and people.
public struct SyntheticOrganisation: Sendable {
    public var units: [BulkLoader.UnitRow] = []
    public var people: [BulkLoader.PersonRow] = []

    static let familyNames = [
        "Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Huỳnh", "Phan", "Vũ", "Võ", "Đặng", "Bùi", "Đỗ", "Hồ", "Ngô", "Dương", "Lý", "Đào",
        "Đinh",
    ]
    static let middleFemale = ["Thị", "Thị Thu", "Ngọc", "Thanh", "Thị Minh", "Thùy", "Kim"]
    static let middleMale = ["Văn", "Hữu", "Đức", "Minh", "Quang", "Công", "Xuân", "Đình"]
    static let givenFemale = [
        "An", "Anh", "Chi", "Dung", "Giang", "Hà", "Hạnh", "Hoa", "Hương", "Lan", "Linh", "Mai", "Ngân", "Nhung", "Phương", "Thảo", "Trang",
        "Vân", "Yến", "Ánh",
    ]
    static let givenMale = [
        "An", "Bình", "Cường", "Dũng", "Đạt", "Hải", "Hiếu", "Hùng", "Khánh", "Long", "Minh", "Nam", "Phong", "Quân", "Sơn", "Thắng",
        "Tuấn", "Việt", "Đông", "Ẩn",
    ]
    static let positions = ["Chuyên viên", "Chuyên viên chính", "Giáo viên", "Kế toán", "Cán bộ", "Nhân viên", "Kỹ sư", "Bác sĩ"]
    static let managementPositions = ["Trưởng phòng", "Phó Trưởng phòng", "Giám đốc", "Phó Giám đốc", "Chủ tịch", "Hiệu trưởng"]
    static let ethnicities = ["Kinh", "Kinh", "Kinh", "Kinh", "Kinh", "Kinh", "Tày", "Thái", "Mường", "Khmer", "H'Mông", "Nùng", "Dao"]
    static let communeNames = [
        "Hòa Bình", "Tân Phú", "An Khánh", "Đông Hưng", "Phú Lộc", "Xuân Trường", "Thanh Sơn", "Bình Minh", "Quang Trung", "Lê Lợi",
        "Yên Thế", "Đức Phổ",
    ]
    static let departmentNames = [
        "Sở Nội vụ", "Sở Tài chính", "Sở Giáo dục và Đào tạo", "Sở Y tế", "Sở Xây dựng", "Sở Nông nghiệp và Môi trường",
        "Sở Khoa học và Công nghệ", "Sở Văn hóa, Thể thao và Du lịch",
    ]

    /// The demo: a central council, two ministries, three provinces with departments and communes,
    /// and `peopleCount` people spread over them.
    public static func demo(peopleCount: Int = 300, seed: UInt64 = 2026) -> SyntheticOrganisation {
        var org = SyntheticOrganisation()
        var random = SplitMix64(seed: seed)
        org.units.append(
            .init(code: "HDTDKT-TW", name: "Hội đồng Thi đua - Khen thưởng Trung ương", kind: .other, level: .central, parentCode: nil))
        for (code, name) in [("BNV", "Bộ Nội vụ"), ("BGDDT", "Bộ Giáo dục và Đào tạo")] {
            org.units.append(.init(code: code, name: name, kind: .ministry, level: .central, parentCode: "HDTDKT-TW"))
            org.units.append(.init(code: "\(code)-VP", name: "Văn phòng \(name)", kind: .department, level: .central, parentCode: code))
        }
        org.units.append(
            .init(code: "\("BGDDT")-DHSP", name: "Trường Đại học Sư phạm", kind: .school, level: .grassroots, parentCode: "BGDDT"))
        for (code, name) in [("HN", "Thành phố Hà Nội"), ("DN", "Thành phố Đà Nẵng"), ("LC", "Tỉnh Lào Cai")] {
            org.units.append(.init(code: code, name: name, kind: .province, level: .provincial, parentCode: "HDTDKT-TW"))
            for (index, department) in departmentNames.prefix(4).enumerated() {
                org.units.append(
                    .init(
                        code: "\(code)-S\(index + 1)", name: "\(department) \(name)", kind: .department, level: .provincial,
                        parentCode: code))
            }
            for index in 0..<4 {
                let commune = communeNames[(index * 3 + code.count) % communeNames.count]
                let communeCode = "\(code)-X\(index + 1)"
                org.units.append(.init(code: communeCode, name: "Xã \(commune)", kind: .commune, level: .grassroots, parentCode: code))
                org.units.append(
                    .init(
                        code: "\(communeCode)-TH", name: "Trường Tiểu học \(commune)", kind: .school, level: .grassroots,
                        parentCode: communeCode))
            }
        }
        let holders = org.units.filter { $0.parentCode != nil }.map(\.code)
        for index in 0..<peopleCount {
            org.people.append(person(&random, unitCode: holders[index % holders.count]))
        }
        return org
    }

    /// A benchmark province: `unitCount` units under one province (departments, communes, schools)
    /// and `peopleCount` people spread over them.
    public static func province(code: String, unitCount: Int, peopleCount: Int, seed: UInt64) -> SyntheticOrganisation {
        var org = SyntheticOrganisation()
        var random = SplitMix64(seed: seed)
        org.units.append(.init(code: code, name: "Tỉnh Thử nghiệm \(code)", kind: .province, level: .provincial, parentCode: nil))
        let departments = max(1, unitCount / 20)
        var parents: [String] = []
        for index in 0..<departments {
            let unitCode = "\(code)-D\(index)"
            org.units.append(
                .init(
                    code: unitCode, name: "\(departmentNames[index % departmentNames.count]) \(index + 1)", kind: .department,
                    level: .provincial, parentCode: code))
            parents.append(unitCode)
        }
        var index = 0
        while org.units.count < unitCount {
            let parent = parents[index % parents.count]
            let commune = communeNames[Int(random.next() % UInt64(communeNames.count))]
            let kind: UnitKind = index % 3 == 0 ? .school : .commune
            org.units.append(
                .init(
                    code: "\(code)-G\(index)", name: kind == .school ? "Trường \(commune) \(index)" : "Xã \(commune) \(index)",
                    kind: kind, level: .grassroots, parentCode: parent))
            index += 1
        }
        let holders = org.units.dropFirst().map(\.code)
        for index in 0..<peopleCount {
            org.people.append(person(&random, unitCode: holders[index % holders.count]))
        }
        return org
    }

    static func person(_ random: inout SplitMix64, unitCode: String) -> BulkLoader.PersonRow {
        let female = random.next() % 2 == 0
        let family = pick(familyNames, &random)
        let middle = pick(female ? middleFemale : middleMale, &random)
        let given = pick(female ? givenFemale : givenMale, &random)
        let manager = random.next() % 8 == 0
        let year = 1965 + Int(random.next() % 37)
        let month = 1 + Int(random.next() % 12)
        let day = 1 + Int(random.next() % 28)
        let categories: [StaffCategory] = [.civilServant, .civilServant, .publicEmployee, .publicEmployee, .cadre, .worker]
        return BulkLoader.PersonRow(
            fullName: "\(family) \(middle) \(given)", gender: female ? .female : .male,
            birthDate: CalendarDate(year: year, month: month, day: day)?.description, unitCode: unitCode,
            position: manager ? pick(managementPositions, &random) : pick(positions, &random),
            staffCategory: pick(categories, &random), holdsManagementPost: manager, ethnicity: pick(ethnicities, &random))
    }

    static func pick<T>(_ values: [T], _ random: inout SplitMix64) -> T { values[Int(random.next() % UInt64(values.count))] }
}
