import Foundation

/// What the first bytes of an upload say it is; the file name's extension is never trusted.
enum FileSignature: Equatable {
    /// `PK\3\4` (or `PK\5\6` for an empty archive): XLSX, DOCX, ODS, plain ZIP…
    case zip
    /// `D0 CF 11 E0`: an OLE2 compound file such as an Excel 97–2003 `.xls`.
    case ole2
    case pdf
    /// Anything else; might be text.
    case other

    init(_ head: Data) {
        let bytes = Array(head.prefix(8))
        if bytes.starts(with: [0x50, 0x4B, 0x03, 0x04]) || bytes.starts(with: [0x50, 0x4B, 0x05, 0x06]) {
            self = .zip
        } else if bytes.starts(with: [0xD0, 0xCF, 0x11, 0xE0]) {
            self = .ole2
        } else if bytes.starts(with: Array("%PDF".utf8)) {
            self = .pdf
        } else {
            self = .other
        }
    }
}
