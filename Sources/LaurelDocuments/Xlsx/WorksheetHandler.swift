import Foundation

#if canImport(FoundationXML)
import FoundationXML
#endif

/// Turns the `<sheetData>` of a worksheet part into `TableRow`s, delivering each row as soon as its
/// `</row>` is seen. Valueless cells (formatting only) are ignored; rows without values are not
/// delivered unless a merged range touches them.
final class WorksheetHandler: NSObject, XMLPartHandler {
    struct Context {
        var sharedStrings: [String]
        var dateStyles: [Bool]
        var usesDate1904: Bool
        var limits: SpreadsheetLimits
        var partPath: String
    }

    private enum Capture { case none, value, formula, inline }

    private(set) var failure: (any Error)?
    private(set) var summary = SheetSummary()
    private let context: Context
    private let deliver: (TableRow) throws -> Void
    private var merges: MergedRangeIndex

    // Current row.
    private var rowNumber = 0
    private var cells: [Cell] = []
    // Current cell.
    private var column = 0
    private var type = ""
    private var style = 0
    private var formula: String?
    private var valueText = ""
    private var inlineText = ""
    private var capture = Capture.none
    /// UTF-8 bytes captured for the current cell (value, formula and inline text together).
    private var capturedBytes = 0
    private var phoneticDepth = 0

    init(context: Context, mergedRanges: [CellRange], deliver: @escaping (TableRow) throws -> Void) {
        self.context = context
        self.deliver = deliver
        self.merges = MergedRangeIndex(mergedRanges)
        self.summary.mergedRanges = mergedRanges
    }

    func parser(
        _ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?,
        qualifiedName qName: String?, attributes: [String: String] = [:]
    ) {
        switch elementName.localName {
        case "row":
            rowNumber = attributes.attribute("r").flatMap(Int.init) ?? rowNumber + 1
            cells.removeAll(keepingCapacity: true)
            column = -1
        case "c":
            startCell(attributes, parser)
        case "v":
            capture = .value
        case "f":
            formula = formula ?? ""
            capture = .formula
        case "t" where phoneticDepth == 0:
            capture = .inline
        case "rPh":
            phoneticDepth += 1
        default:
            return
        }
    }

    func parser(
        _ parser: XMLParser, didEndElement elementName: String, namespaceURI: String?, qualifiedName qName: String?
    ) {
        switch elementName.localName {
        case "v", "f", "t":
            capture = .none
        case "rPh":
            phoneticDepth -= 1
        case "c":
            endCell(parser)
        case "row":
            endRow(parser)
        default:
            return
        }
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) {
        guard capture != .none, failure == nil else { return }
        capturedBytes += string.utf8.count
        guard capturedBytes <= context.limits.maxCellBytes else {
            return fail(SpreadsheetError.cellTooLong(row: rowNumber, limit: context.limits.maxCellBytes), parser)
        }
        switch capture {
        case .none: return
        case .value: valueText += string
        case .formula: formula? += string
        case .inline: inlineText += string
        }
    }

    private func startCell(_ attributes: [String: String], _ parser: XMLParser) {
        if let reference = attributes["r"] ?? attributes.attribute("r") {
            guard let parsed = CellReference(reference) else {
                return fail(SpreadsheetError.malformedXML(part: context.partPath, detail: "bad cell reference \(reference)"), parser)
            }
            column = parsed.column - 1
        } else {
            column += 1
        }
        type = attributes["t"] ?? ""
        style = attributes["s"].flatMap(Int.init) ?? 0
        formula = nil
        valueText = ""
        inlineText = ""
        capturedBytes = 0
    }

    private func endCell(_ parser: XMLParser) {
        let value: CellValue
        do {
            value = try cellValue()
        } catch {
            return fail(error, parser)
        }
        guard !value.isEmpty || formula != nil else { return }
        guard column < context.limits.maxColumns else {
            return fail(SpreadsheetError.tooManyColumns(limit: context.limits.maxColumns), parser)
        }
        if cells.count <= column {
            cells.append(contentsOf: repeatElement(.empty, count: column + 1 - cells.count))
        }
        cells[column] = Cell(value, formula: formula)
        if formula != nil { summary.formulaCount += 1 }
    }

    private func cellValue() throws(SpreadsheetError) -> CellValue {
        switch type {
        case "s":
            guard let index = Int(valueText) else { return .empty }
            guard context.sharedStrings.indices.contains(index) else {
                throw .malformedXML(part: context.partPath, detail: "shared string \(index) does not exist")
            }
            return .text(context.sharedStrings[index])
        case "inlineStr":
            return .text(inlineText.decodingOOXMLEscapes)
        case "str", "e":
            return .text(valueText.decodingOOXMLEscapes)
        case "b":
            return valueText.isEmpty ? .empty : .bool(valueText == "1" || valueText == "true")
        case "d":
            return SpreadsheetDate(iso: valueText).map(CellValue.date) ?? .text(valueText)
        default:
            let trimmed = valueText.trimmingCharacters(in: .whitespaces)
            guard !trimmed.isEmpty else { return .empty }
            guard let number = Double(trimmed) else {
                throw .malformedXML(part: context.partPath, detail: "bad number \(trimmed)")
            }
            if context.dateStyles.indices.contains(style), context.dateStyles[style],
                let date = ExcelDate.calendarDate(serial: number, date1904: context.usesDate1904)
            {
                return .date(date)
            }
            return .number(number)
        }
    }

    private func endRow(_ parser: XMLParser) {
        while let last = cells.last, last.value.isEmpty, !last.isFormula {
            cells.removeLast()
        }
        let touching = merges.ranges(touching: rowNumber)
        guard !cells.isEmpty || !touching.isEmpty else { return }
        for range in touching {
            for index in cells.indices where range.contains(row: rowNumber, column: index + 1) {
                cells[index].isMerged = true
            }
        }
        summary.rowCount += 1
        guard summary.rowCount <= context.limits.maxRows else {
            return fail(SpreadsheetError.tooManyRows(limit: context.limits.maxRows), parser)
        }
        summary.columnCount = max(summary.columnCount, cells.count)
        do {
            try deliver(TableRow(number: rowNumber, cells: cells, mergedRanges: touching))
        } catch {
            fail(error, parser)
        }
    }

    private func fail(_ error: any Error, _ parser: XMLParser) {
        if failure == nil { failure = error }
        parser.abortParsing()
    }
}
