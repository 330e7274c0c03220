/// Splits CSV text into records (RFC 4180, leniently): quoted fields may hold delimiters, line breaks
/// and doubled quotes; records end with CRLF, LF or CR. Works on UTF-8 bytes, since every byte that
/// matters (quote, delimiter, CR, LF) is ASCII and cannot occur inside a multi-byte character.
struct CSVParser {
    let delimiter: UInt8
    /// Longest field accepted, in bytes (a field is a cell: the same cap as XLSX).
    var maxFieldBytes = Int.max
    private static let quote = UInt8(ascii: "\"")
    private static let cr = UInt8(ascii: "\r")
    private static let lf = UInt8(ascii: "\n")

    /// Calls `body` with each record's fields and its 1-based record number.
    func parse(_ bytes: UnsafeBufferPointer<UInt8>, _ body: ([String], Int) throws -> Void) throws {
        var index = 0
        var record = 1
        var fields: [String] = []
        var field: [UInt8] = []
        let count = bytes.count
        guard count > 0 else { return }
        while true {
            // One field.
            field.removeAll(keepingCapacity: true)
            if index < count, bytes[index] == Self.quote {
                let openedAt = record
                index += 1
                while true {
                    guard index < count else { throw SpreadsheetError.unterminatedQuote(row: openedAt) }
                    let byte = bytes[index]
                    if byte == Self.quote {
                        if index + 1 < count, bytes[index + 1] == Self.quote {
                            field.append(Self.quote)
                            index += 2
                            continue
                        }
                        index += 1
                        break
                    }
                    field.append(byte)
                    index += 1
                }
            }
            // Unquoted text, or stray text after a closing quote (kept, as Excel does).
            while index < count {
                let byte = bytes[index]
                if byte == delimiter || byte == Self.cr || byte == Self.lf { break }
                field.append(byte)
                index += 1
            }
            guard field.count <= maxFieldBytes else {
                throw SpreadsheetError.cellTooLong(row: record, limit: maxFieldBytes)
            }
            fields.append(String(decoding: field, as: UTF8.self))

            if index < count, bytes[index] == delimiter {
                index += 1
                continue
            }
            // End of record: CRLF, LF, CR or end of text.
            if index < count, bytes[index] == Self.cr { index += 1 }
            if index < count, bytes[index] == Self.lf { index += 1 }
            try body(fields, record)
            fields.removeAll(keepingCapacity: true)
            record += 1
            if index >= count { return }
        }
    }

    /// Picks `,`, `;` or tab: the candidate found the same non-zero number of times on the most of the
    /// first lines (outside quotes), then the most frequent. Comma when nothing fits.
    static func detectDelimiter(in bytes: UnsafeBufferPointer<UInt8>) -> UInt8 {
        let candidates: [UInt8] = [UInt8(ascii: ","), UInt8(ascii: ";"), UInt8(ascii: "\t")]
        var counts: [[Int]] = [[0], [0], [0]]
        var inQuotes = false
        var lines = 1
        for byte in bytes {
            if byte == quote {
                inQuotes.toggle()
            } else if !inQuotes, byte == lf {
                lines += 1
                if lines > 20 { break }
                for index in counts.indices { counts[index].append(0) }
            } else if !inQuotes, let position = candidates.firstIndex(of: byte) {
                counts[position][counts[position].count - 1] += 1
            }
        }
        var best = candidates[0]
        var bestScore = (0, 0)
        for (position, perLine) in counts.enumerated() {
            let lines = perLine.last == 0 && perLine.count > 1 ? perLine.dropLast() : perLine[...]
            guard let first = lines.first, first > 0 else { continue }
            let score = (lines.filter { $0 == first }.count, first)
            if score > bestScore {
                best = candidates[position]
                bestScore = score
            }
        }
        return best
    }
}
