/// Finds the merged ranges touching a row, sweeping forward as rows ascend (as they do in a worksheet).
struct MergedRangeIndex {
    private let sorted: [CellRange]
    private var next = 0
    private var active: [CellRange] = []
    private var lastRow = 0

    init(_ ranges: [CellRange]) {
        sorted = ranges.sorted { $0.firstRow < $1.firstRow }
    }

    mutating func ranges(touching row: Int) -> [CellRange] {
        guard !sorted.isEmpty else { return [] }
        guard row >= lastRow else {
            // Out-of-order rows: rare enough to answer by a full scan.
            return sorted.filter { ($0.firstRow...$0.lastRow).contains(row) }
        }
        lastRow = row
        while next < sorted.count, sorted[next].firstRow <= row {
            active.append(sorted[next])
            next += 1
        }
        active.removeAll { $0.lastRow < row }
        return active.filter { $0.firstRow <= row }
    }
}
