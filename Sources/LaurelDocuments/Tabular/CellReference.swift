/// An A1-style cell reference: column letters then an optional row number.
struct CellReference: Hashable, Sendable {
    /// 1-based column (A = 1).
    var column: Int
    /// 1-based row, absent in a reference such as `C`.
    var row: Int?

    init?(_ text: some StringProtocol) {
        var column = 0
        var row = 0
        var digits = 0
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "$"):
                continue
            case UInt8(ascii: "A")...UInt8(ascii: "Z") where digits == 0:
                column = column * 26 + Int(byte - UInt8(ascii: "A")) + 1
            case UInt8(ascii: "a")...UInt8(ascii: "z") where digits == 0:
                column = column * 26 + Int(byte - UInt8(ascii: "a")) + 1
            case UInt8(ascii: "0")...UInt8(ascii: "9"):
                row = row * 10 + Int(byte - UInt8(ascii: "0"))
                digits += 1
            default:
                return nil
            }
            // Excel's grid ends at XFD1048576; anything far beyond is garbage, not a big sheet.
            if column > 1_000_000 || digits > 9 { return nil }
        }
        guard column > 0, digits == 0 || row > 0 else { return nil }
        self.column = column
        self.row = digits == 0 ? nil : row
    }

    /// `1 → A`, `27 → AA`.
    static func columnName(_ column: Int) -> String {
        var scalars: [Character] = []
        var rest = column
        while rest > 0 {
            let remainder = (rest - 1) % 26
            scalars.append(Character(Unicode.Scalar(UInt8(ascii: "A") + UInt8(remainder))))
            rest = (rest - 1) / 26
        }
        return String(scalars.reversed())
    }
}
