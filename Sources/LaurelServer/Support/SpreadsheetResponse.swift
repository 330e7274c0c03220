import Foundation
import Hummingbird
import LaurelDocuments
import LaurelDomain

/// A table as a CSV or XLSX download (formulas neutralised by the writers).
enum SpreadsheetResponse {
    static func make(format: String?, name: String, header: [String], rows: [[CellValue]]) throws -> Response {
        var headers = HTTPFields()
        let data: Data
        switch format ?? "xlsx" {
        case "csv":
            data = CSVWriter().data(header: header, rows: rows)
            headers[.contentType] = "text/csv; charset=utf-8"
            headers[.contentDisposition] = ContentDisposition.attachment(name + ".csv")
        case "xlsx":
            let writer = try XlsxWriter()
            try writer.addSheet(named: name, columns: header.map { XlsxWriter.Column($0, width: Double(max(10, min(50, $0.count + 4)))) }) {
                sheet in
                for row in rows { try sheet.append(row) }
            }
            data = try writer.data()
            headers[.contentType] = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
            headers[.contentDisposition] = ContentDisposition.attachment(name + ".xlsx")
        default:
            throw DomainError.invalid("error.unknown_choice", field: "format", format ?? "")
        }
        return Response(status: .ok, headers: headers, body: .init(byteBuffer: ByteBuffer(data: data)))
    }
}
