/// Excel's date serial numbers, in the 1900 and 1904 date systems.
///
/// 1900 system: serial 1 is 1900-01-01, and serial 60 is 1900-02-29, a day that never was: Lotus 1-2-3
/// treated 1900 as a leap year and Excel kept the bug, so from serial 61 (1900-03-01) on, serials count
/// from 1899-12-30. 1904 system (old Mac Excel, `<workbookPr date1904="1"/>`): serial 0 is 1904-01-01.
enum ExcelDate {
    /// Largest serial Excel accepts: 9999-12-31.
    static let maxSerial = 2_958_465.0

    private static let epoch1900 = SpreadsheetDate(year: 1899, month: 12, day: 30).daysSinceUnixEpoch
    private static let epoch1904 = SpreadsheetDate(year: 1904, month: 1, day: 1).daysSinceUnixEpoch

    /// The day of a serial; a time-of-day fraction is dropped. Nil outside Excel's range.
    static func calendarDate(serial: Double, date1904: Bool) -> SpreadsheetDate? {
        guard serial.isFinite, serial >= 0, serial <= maxSerial else { return nil }
        let whole = Int(serial.rounded(.down))
        if date1904 {
            return SpreadsheetDate(daysSinceUnixEpoch: epoch1904 + whole)
        }
        switch whole {
        case 60: return SpreadsheetDate(year: 1900, month: 2, day: 29)
        case ..<60: return SpreadsheetDate(daysSinceUnixEpoch: epoch1900 + whole + 1)
        default: return SpreadsheetDate(daysSinceUnixEpoch: epoch1900 + whole)
        }
    }

    /// The serial of a day in the 1900 system (what the writer stores).
    static func serial(of date: SpreadsheetDate) -> Double {
        if date.year == 1900, date.month == 2, date.day == 29 { return 60 }
        let days = date.daysSinceUnixEpoch - epoch1900
        return Double(days < 61 ? days - 1 : days)
    }
}
