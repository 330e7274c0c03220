import Foundation

/// Appends rows to one sheet of an `XlsxWriter`; handed to the closure of `addSheet`.
public final class XlsxSheetWriter {
    private let sink: ByteFileSink
    private let options: XlsxWriter.Options
    private let sharedStrings: SharedStringTable?
    private var rowNumber = 0
    private var columnNames: [String] = []

    init(url: URL, columns: [XlsxWriter.Column], options: XlsxWriter.Options, sharedStrings: SharedStringTable?) throws {
        self.sink = try ByteFileSink(url: url)
        self.options = options
        self.sharedStrings = sharedStrings
        sink.append(XlsxParts.header)
        sink.append(#"<worksheet xmlns="\#(XlsxParts.mainNamespace)" xmlns:r="\#(XlsxParts.relationshipNamespace)">"#)
        if options.freezeHeader && !columns.isEmpty {
            sink.append(#"<sheetViews><sheetView workbookViewId="0">"#)
            sink.append(#"<pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/>"#)
            sink.append(#"<selection pane="bottomLeft" activeCell="A2" sqref="A2"/></sheetView></sheetViews>"#)
        } else {
            sink.append(#"<sheetViews><sheetView workbookViewId="0"/></sheetViews>"#)
        }
        sink.append(#"<sheetFormatPr defaultRowHeight="15"/>"#)
        let widths = columns.enumerated().map { index, column in (index + 1, column.width ?? Self.defaultWidth(column.title)) }
        if !widths.isEmpty {
            sink.append("<cols>")
            for (number, width) in widths {
                sink.append(#"<col min="\#(number)" max="\#(number)" width="\#(CellValue.format(width))" customWidth="1"/>"#)
            }
            sink.append("</cols>")
        }
        sink.append("<sheetData>")
        if !columns.isEmpty {
            try appendRow(columns.map { .text($0.title) }, style: XlsxParts.Style.bold)
        }
    }

    /// Wide enough for the title and for a `dd/mm/yyyy` date, which would otherwise show as `###`.
    static func defaultWidth(_ title: String) -> Double {
        Double(max(11, title.count + 3))
    }

    /// Number of rows written so far, header included; the next row is `rowCount + 1`.
    public var rowCount: Int { rowNumber }

    /// Appends one row below the previous ones. Empty values leave their cell blank.
    public func append(_ values: [CellValue]) throws {
        try appendRow(values, style: nil)
    }

    /// Appends a row in bold (for a header when `columns` were not given).
    public func appendHeader(_ titles: [String]) throws {
        try appendRow(titles.map { .text($0) }, style: XlsxParts.Style.bold)
    }

    func close() throws {
        sink.append("</sheetData></worksheet>")
        try sink.close()
    }

    private func appendRow(_ values: [CellValue], style: Int?) throws {
        rowNumber += 1
        let row = String(rowNumber)
        sink.append(#"<row r="\#(row)">"#)
        for (index, value) in values.enumerated() {
            appendCell(value, reference: columnName(index) + row, style: style)
        }
        sink.append("</row>")
        try sink.flushIfNeeded()
    }

    private func appendCell(_ value: CellValue, reference: String, style: Int?) {
        let styleAttribute = style.map { #" s="\#($0)""# } ?? ""
        switch value {
        case .empty:
            return
        case .number(let number):
            guard number.isFinite else { return }
            sink.append(#"<c r="\#(reference)"\#(styleAttribute)><v>\#(CellValue.format(number))</v></c>"#)
        case .date(let date):
            let dateStyle = #" s="\#(XlsxParts.Style.date)""#
            sink.append(#"<c r="\#(reference)"\#(dateStyle)><v>\#(CellValue.format(ExcelDate.serial(of: date)))</v></c>"#)
        case .bool(let flag):
            let boolStyle = style.map { #" s="\#($0)""# } ?? #" s="\#(XlsxParts.Style.boolean)""#
            sink.append(#"<c r="\#(reference)"\#(boolStyle) t="b"><v>\#(flag ? 1 : 0)</v></c>"#)
        case .text(let raw):
            guard !raw.isEmpty else { return }
            let text = XMLText.clamped(options.neutralizeFormulas ? FormulaInjection.neutralize(raw) : raw)
            let textStyle = style == nil && text.contains("\n") ? #" s="\#(XlsxParts.Style.wrapped)""# : styleAttribute
            if let sharedStrings {
                sink.append(#"<c r="\#(reference)"\#(textStyle) t="s"><v>\#(sharedStrings.index(of: text))</v></c>"#)
            } else {
                sink.append(#"<c r="\#(reference)"\#(textStyle) t="inlineStr"><is>"#)
                sink.append(XMLText.needsPreserve(text) ? #"<t xml:space="preserve">"# : "<t>")
                XMLText.append(text, to: &sink.bytes, ooxml: true)
                sink.append("</t></is></c>")
            }
        }
    }

    private func columnName(_ index: Int) -> String {
        while columnNames.count <= index {
            columnNames.append(CellReference.columnName(columnNames.count + 1))
        }
        return columnNames[index]
    }
}
