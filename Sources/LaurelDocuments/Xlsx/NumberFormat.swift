/// Tells whether a number format shows a date, so that the number in the cell means a day.
enum NumberFormat {
    /// Built-in formats that show a date or time: 14–22 and 45–47 (any locale), 27–36 and 50–58 (the
    /// East Asian locales' date formats).
    static let builtInDateIDs: Set<Int> = Set(14...22).union(45...47).union(27...36).union(50...58)

    static func isDate(id: Int, code: String?) -> Bool {
        if let code { return isDate(code: code) }
        return builtInDateIDs.contains(id)
    }

    /// True when the first section of a custom format has a day, month or year token once quoted text,
    /// escaped characters and `[…]` blocks (colours, locales, conditions) are removed.
    /// A lone `m` counts as month unless hours or seconds are present (then it is minutes).
    static func isDate(code: String) -> Bool {
        var hasDayOrYear = false
        var hasMonthOrMinute = false
        var hasTime = false
        var iterator = code.unicodeScalars.makeIterator()
        while let scalar = iterator.next() {
            switch scalar {
            case ";":
                return hasDayOrYear || (hasMonthOrMinute && !hasTime)
            case "\"":
                while let inner = iterator.next(), inner != "\"" {}
            case "\\", "_", "*":
                _ = iterator.next()
            case "[":
                // `[Red]`, `[$-42A]` and `[>=100]` say nothing; `[h]`, `[mm]`, `[ss]` are elapsed time.
                var block = ""
                while let inner = iterator.next(), inner != "]" { block.unicodeScalars.append(inner) }
                if !block.isEmpty, block.allSatisfy({ "hHmMsS".contains($0) }) { hasTime = true }
            case "d", "D", "y", "Y":
                hasDayOrYear = true
            case "m", "M":
                hasMonthOrMinute = true
            case "h", "H", "s", "S":
                hasTime = true
            default:
                continue
            }
        }
        return hasDayOrYear || (hasMonthOrMinute && !hasTime)
    }
}
