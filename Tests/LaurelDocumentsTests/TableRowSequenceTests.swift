import Foundation
import LaurelDocuments
import Testing

@Suite struct TableRowSequenceTests {
    private func workbook(rows: Int) throws -> Data {
        let writer = try XlsxWriter()
        try writer.addSheet(named: "S", columns: [.init("Số")]) { sheet in
            for index in 1...rows { try sheet.append([.number(Double(index))]) }
        }
        return try writer.data()
    }

    @Test func rowsArriveInOrderThroughAnAsyncLoop() async throws {
        // setup: more rows than the 256-row buffer, so the reader must wait for the consumer
        let reader = try XlsxReader(data: workbook(rows: 1000))
        // MUT
        var numbers: [Int] = []
        for try await row in reader.rows() { numbers.append(row.number) }
        // validate
        #expect(numbers == Array(1...1001))
    }

    @Test func leavingTheLoopEarlyStopsTheReader() async throws {
        let reader = try TabularReader(data: workbook(rows: 5000))
        var seen = 0
        for try await _ in reader.rows() {
            seen += 1
            if seen == 10 { break }
        }
        #expect(seen == 10)
        // A second full pass still works: the first reader thread has let go.
        var count = 0
        for try await _ in reader.rows() { count += 1 }
        #expect(count == 5001)
    }

    @Test func readErrorsAreThrownFromTheLoop() async throws {
        var limits = SpreadsheetLimits()
        limits.maxRows = 300
        let reader = try XlsxReader(data: workbook(rows: 1000), limits: limits)
        await #expect(throws: SpreadsheetError.tooManyRows(limit: 300)) {
            for try await _ in reader.rows() {}
        }
    }

    @Test func csvRowsStreamToo() async throws {
        let reader = try TabularReader(data: Data("a\nb\n\nc\n".utf8))
        var numbers: [Int] = []
        for try await row in reader.rows() { numbers.append(row.number) }
        #expect(numbers == [1, 2, 4])
    }
}
