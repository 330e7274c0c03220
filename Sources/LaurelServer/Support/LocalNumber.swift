import LaurelDomain

/// Numbers as the reader writes them: "94,5" and "25,0%" in Vietnamese, "94.5" and "25.0%" in English.
struct LocalNumber {
    let decimalSeparator: String

    init(locale: AppLocale) { decimalSeparator = locale == .en ? "." : "," }

    func points(_ points: Points) -> String { points.description.replacingOccurrences(of: ".", with: decimalSeparator) }

    func percent(_ share: Double) -> String {
        let tenths = Int((share * 1000).rounded())
        return "\(tenths / 10)\(decimalSeparator)\(abs(tenths % 10))%"
    }
}
