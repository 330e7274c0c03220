import Foundation
import LaurelDocuments
import LaurelDomain

/// Turns cells into domain values, accepting the codes of the API and the Vietnamese words people
/// type (case and accents ignored).
enum ImportValues {
    static let ratings: [String: Rating] = words([
        (.excellent, ["excellent", "hoàn thành xuất sắc nhiệm vụ", "hoàn thành xuất sắc", "HTXSNV"]),
        (.good, ["good", "hoàn thành tốt nhiệm vụ", "hoàn thành tốt", "HTTNV"]),
        (.complete, ["complete", "hoàn thành nhiệm vụ", "hoàn thành", "HTNV"]),
        (.incomplete, ["incomplete", "không hoàn thành nhiệm vụ", "không hoàn thành", "KHTNV"]),
    ])
    static let disciplines: [String: Discipline] = words([
        (.reprimand, ["reprimand", "khiển trách"]), (.warning, ["warning", "cảnh cáo"]),
        (.demotion, ["demotion", "hạ bậc lương", "giáng chức", "hạ bậc"]), (.dismissal, ["dismissal", "cách chức", "buộc thôi việc"]),
    ])
    static let genders: [String: Gender] = words([
        (.female, ["female", "nữ", "F"]), (.male, ["male", "nam", "M"]), (.other, ["other", "khác"]),
    ])
    static let levels: [String: InitiativeLevel] = words([
        (.grassroots, ["grassroots", "cơ sở", "cấp cơ sở"]),
        (.ministerialProvincial, ["ministerial_provincial", "cấp bộ, tỉnh", "bộ, tỉnh", "cấp bộ", "cấp tỉnh"]),
        (.national, ["national", "toàn quốc", "cấp toàn quốc", "quốc gia"]),
    ])
    static let awardKinds: [String: AwardKind] = words([
        (.merit, ["merit", "thường xuyên", "công trạng"]), (.adHoc, ["ad_hoc", "đột xuất"]),
        (.thematic, ["thematic", "chuyên đề", "theo đợt"]),
        (.contribution, ["contribution", "cống hiến", "quá trình cống hiến"]), (.seniority, ["seniority", "niên hạn"]),
        (.foreign, ["foreign", "đối ngoại"]),
    ])
    static let statuses: [String: AwardStatus] = words([
        (.valid, ["valid", "hiệu lực", "còn hiệu lực"]), (.revoked, ["revoked", "thu hồi", "đã thu hồi"]),
        (.corrected, ["corrected", "đã đính chính", "đính chính"]),
    ])
    static let categories: [String: StaffCategory] = words(
        StaffCategory.allCases.map { ($0, [$0.rawValue]) } + [
            (.cadre, ["cán bộ"]), (.civilServant, ["công chức"]), (.publicEmployee, ["viên chức"]),
            (.worker, ["người lao động", "lao động"]),
            (.armedForces, ["lực lượng vũ trang"]), (.other, ["khác"]),
        ])
    static let unitKinds: [String: UnitKind] = words(UnitKind.allCases.map { ($0, [$0.rawValue]) })
    static let unitLevels: [String: UnitLevel] = words(
        UnitLevel.allCases.map { ($0, [$0.rawValue]) } + [
            (.central, ["trung ương"]), (.provincial, ["tỉnh", "cấp tỉnh"]), (.grassroots, ["cơ sở", "cấp cơ sở"]),
        ])

    private static func words<T>(_ table: [(T, [String])]) -> [String: T] {
        var map: [String: T] = [:]
        for (value, names) in table { for name in names { map[ImportKind.fold(name)] = value } }
        return map
    }

    static func choice<T>(_ text: String, in table: [String: T]) -> T? { table[ImportKind.fold(text)] }

    /// A whole number from a number cell or a text of digits.
    static func integer(_ cell: Cell) -> Int? {
        switch cell.value {
        case .number(let n) where n.rounded() == n && abs(n) < 1e12: Int(n)
        case .text(let t): Int(t.trimmingCharacters(in: .whitespaces))
        default: nil
        }
    }

    /// A date from a date cell, "yyyy-mm-dd" or "dd/mm/yyyy"; nil when it is none of these.
    static func date(_ cell: Cell) -> CalendarDate? {
        switch cell.value {
        case .date(let d): return CalendarDate(year: d.year, month: d.month, day: d.day)
        case .text(let raw):
            let t = raw.trimmingCharacters(in: .whitespaces)
            if let iso = CalendarDate(t) { return iso }
            let parts = t.split(separator: "/")
            guard parts.count == 3, let d = Int(parts[0]), let m = Int(parts[1]), let y = Int(parts[2]), parts[2].count == 4 else {
                return nil
            }
            return CalendarDate(year: y, month: m, day: d)
        default: return nil
        }
    }

    static func bool(_ text: String) -> Bool? {
        switch ImportKind.fold(text) {
        case "", "0", "false", "no", "khong", "k": false
        case "1", "true", "yes", "co", "x": true
        default: nil
        }
    }
}
