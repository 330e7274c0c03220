import Foundation

/// Writes RFC 4180 CSV that Excel opens with Vietnamese intact: UTF-8 with a byte-order mark, CRLF
/// line ends, fields quoted only when needed, and formula-like texts neutralised (`FormulaInjection`).
///
/// ```swift
/// let csv = CSVWriter().data(header: ["Họ và tên", "Ngày sinh"], rows: people.lazy.map { [.text($0.name), .date($0.born)] })
/// ```
public struct CSVWriter: Sendable {
    public enum DateStyle: Sendable {
        /// `2024-05-31`
        case iso8601
        /// `31/05/2024`
        case dayMonthYear
    }

    public var delimiter: Character
    public var includeBOM: Bool
    public var neutralizeFormulas: Bool
    public var dateStyle: DateStyle

    public init(
        delimiter: Character = ",", includeBOM: Bool = true, neutralizeFormulas: Bool = true,
        dateStyle: DateStyle = .dayMonthYear
    ) {
        self.delimiter = delimiter
        self.includeBOM = includeBOM
        self.neutralizeFormulas = neutralizeFormulas
        self.dateStyle = dateStyle
    }

    /// One record, with its CRLF.
    public func line(_ values: [CellValue]) -> String {
        values.map(field).joined(separator: String(delimiter)) + "\r\n"
    }

    /// The whole file in memory.
    public func data(header: [String]?, rows: some Sequence<[CellValue]>) -> Data {
        var bytes: [UInt8] = includeBOM ? [0xEF, 0xBB, 0xBF] : []
        if let header { bytes.append(contentsOf: line(header.map { .text($0) }).utf8) }
        for row in rows { bytes.append(contentsOf: line(row).utf8) }
        return Data(bytes)
    }

    public func data(for table: Table) -> Data {
        data(header: table.header, rows: table.rows.lazy.map(\.values))
    }

    /// Streams the file to `url`, a buffer at a time, for large exports.
    public func write(header: [String]?, rows: some Sequence<[CellValue]>, to url: URL) throws {
        let sink = try ByteFileSink(url: url)
        if includeBOM { sink.bytes.append(contentsOf: [0xEF, 0xBB, 0xBF]) }
        if let header { sink.append(line(header.map { .text($0) })) }
        for row in rows {
            sink.append(line(row))
            try sink.flushIfNeeded()
        }
        try sink.close()
    }

    private func field(_ value: CellValue) -> String {
        let text: String
        switch value {
        case .text(let raw): text = neutralizeFormulas ? FormulaInjection.neutralize(raw) : raw
        case .date(let date): text = dateStyle == .iso8601 ? date.description : date.dayMonthYear
        default: text = value.text
        }
        let needsQuotes = text.contains { $0 == delimiter || $0 == "\"" || $0.isNewline }
        guard needsQuotes else { return text }
        return "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
