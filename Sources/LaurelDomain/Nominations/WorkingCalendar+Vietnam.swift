extension WorkingCalendar {
    /// Vietnam's days off for the civil service, 2025–2027, on Labour Code 2019 Art 112: 1 January;
    /// Tết Nguyên đán, 5 days; Giỗ Tổ Hùng Vương (10/3 lunar); 30 April; 1 May; 2 September and
    /// one day next to it. A holiday on a weekend is made up on the next working day (Art 112(3));
    /// the Government's yearly notice fixes the Tết days and any bridge with a make-up Saturday.
    ///
    /// Lunar dates computed for UTC+7: Tết 29 Jan 2025, 17 Feb 2026, 6 Feb 2027; Giỗ Tổ 7 Apr 2025,
    /// 26 Apr 2026, 16 Apr 2027. Days marked UNCONFIRMED follow the law's rule where the notice
    /// was not known here: an administrator checks them against the notice and extends the data.
    public static let standardVietnam = WorkingCalendar(
        holidays: Set(year2025.holidays + year2026.holidays + year2027.holidays),
        workingWeekends: Set(year2025.workingWeekends + year2026.workingWeekends + year2027.workingWeekends))

    private typealias Year = (holidays: [CalendarDate], workingWeekends: [CalendarDate])

    private static func days(_ year: Int, _ month: Int, _ days: ClosedRange<Int>) -> [CalendarDate] {
        // Only literal, valid dates are given below; the tests check every one.
        days.map { CalendarDate(year: year, month: month, day: $0)! }
    }

    /// The 2025 notice (MOLISA): Tết off Sat 25 Jan – Sun 2 Feb; 30 Apr – 4 May bridged by
    /// working Sat 26 Apr; National Day off Sat 30 Aug – Tue 2 Sep.
    private static let year2025: Year = (
        holidays: days(2025, 1, 1...1)
            + days(2025, 1, 27...31)  // Tết: 28 Chạp – mùng 3
            + days(2025, 4, 7...7)  // Giỗ Tổ, Monday
            + days(2025, 4, 30...30) + days(2025, 5, 1...2)  // 2 May swapped with 26 April
            + days(2025, 9, 1...2),
        workingWeekends: days(2025, 4, 26...26)
    )

    /// 2026: Tết off Sat 14 – Sun 22 Feb (giao thừa is Mon 16 Feb); Giỗ Tổ falls on Sunday 26 Apr,
    /// made up on Monday 27 Apr; 30 Apr and 1 May are Thursday and Friday.
    /// UNCONFIRMED: whether 2 Jan was bridged (with a make-up Saturday); which day joins 2 Sep
    /// (Tuesday 1 Sep taken here); whether 24 Nov (Ngày Văn hóa Việt Nam) became a day off.
    private static let year2026: Year = (
        holidays: days(2026, 1, 1...1)
            + days(2026, 2, 16...20)  // Tết: giao thừa – mùng 4
            + days(2026, 4, 26...27)  // Giỗ Tổ (Sunday) and its compensatory Monday
            + days(2026, 4, 30...30) + days(2026, 5, 1...1)
            + days(2026, 9, 1...2),  // 1 Sep UNCONFIRMED
        workingWeekends: []
    )

    /// 2027, by the law's rule (the notice was not known here).
    /// UNCONFIRMED: the Tết days — taken as giao thừa Fri 5 Feb to mùng 4 Tue 9 Feb, the weekend
    /// (mùng 1–2) made up on Wed 10 and Thu 11 Feb; the day joining 2 Sep (Friday 3 Sep taken).
    /// Sure: 1 Jan (Fri), Giỗ Tổ Fri 16 Apr, 30 Apr (Fri), 1 May (Sat, made up Mon 3 May).
    private static let year2027: Year = (
        holidays: days(2027, 1, 1...1)
            + days(2027, 2, 5...5) + days(2027, 2, 8...11)  // Tết, UNCONFIRMED
            + days(2027, 4, 16...16)
            + days(2027, 4, 30...30) + days(2027, 5, 3...3)  // 1 May is a Saturday
            + days(2027, 9, 2...3),  // 3 Sep UNCONFIRMED
        workingWeekends: []
    )
}
