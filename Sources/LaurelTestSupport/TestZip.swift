import Foundation

/// A minimal ZIP writer for tests: it can store entries, attach hand-made DEFLATE data and lie about
/// sizes, which is what fixtures and zip-bomb tests need (the module's own writer never lies).
public struct TestZip {
    public struct Entry {
        var name: String
        /// Bytes as stored in the archive (already compressed when `deflated`).
        var payload: [UInt8]
        var deflated: Bool
        var crc: UInt32
        var uncompressedSize: UInt32
    }

    public var entries: [Entry] = []

    public init() {}

    public mutating func store(_ name: String, _ text: String) {
        let bytes = Array(text.utf8)
        entries.append(Entry(name: name, payload: bytes, deflated: false, crc: CRC32.of(bytes), uncompressedSize: UInt32(bytes.count)))
    }

    public mutating func addDeflated(_ name: String, payload: [UInt8], claimedSize: UInt32, crc: UInt32 = 0) {
        entries.append(Entry(name: name, payload: payload, deflated: true, crc: crc, uncompressedSize: claimedSize))
    }

    public var data: Data {
        var out: [UInt8] = []
        var central: [UInt8] = []
        for entry in entries {
            let offset = UInt32(out.count)
            let name = Array(entry.name.utf8)
            let method: UInt16 = entry.deflated ? 8 : 0
            out += le32(0x0403_4B50) + le16(20) + le16(0) + le16(method) + le16(0) + le16(0x21)
            out += le32(entry.crc) + le32(UInt32(entry.payload.count)) + le32(entry.uncompressedSize)
            out += le16(UInt16(name.count)) + le16(0) + name + entry.payload
            central += le32(0x0201_4B50) + le16(0x031E) + le16(20) + le16(0) + le16(method) + le16(0) + le16(0x21)
            central += le32(entry.crc) + le32(UInt32(entry.payload.count)) + le32(entry.uncompressedSize)
            central += le16(UInt16(name.count)) + le16(0) + le16(0) + le16(0) + le16(0)
            central += le32(0o100644 << 16) + le32(offset) + name
        }
        let centralOffset = UInt32(out.count)
        out += central
        out += le32(0x0605_4B50) + le16(0) + le16(0) + le16(UInt16(entries.count)) + le16(UInt16(entries.count))
        out += le32(UInt32(central.count)) + le32(centralOffset) + le16(0)
        return Data(out)
    }

    private func le16(_ value: UInt16) -> [UInt8] { [UInt8(value & 0xFF), UInt8(value >> 8)] }
    private func le32(_ value: UInt32) -> [UInt8] { (0..<4).map { UInt8((value >> (8 * $0)) & 0xFF) } }
}

public enum CRC32 {
    private static let table: [UInt32] = (0..<256).map { index in
        var crc = UInt32(index)
        for _ in 0..<8 { crc = crc & 1 == 1 ? 0xEDB8_8320 ^ (crc >> 1) : crc >> 1 }
        return crc
    }

    public static func of(_ bytes: [UInt8]) -> UInt32 {
        var crc: UInt32 = 0xFFFF_FFFF
        for byte in bytes { crc = table[Int((crc ^ UInt32(byte)) & 0xFF)] ^ (crc >> 8) }
        return crc ^ 0xFFFF_FFFF
    }
}

/// Raw DEFLATE (fixed Huffman) of `count` zero bytes: one literal 0, then back-references of length
/// 258 at distance 1. About 13 bits per 258 bytes, so a megabyte of zeros costs some 6 KB.
public enum ZeroDeflate {
    public static func stream(count: Int) -> [UInt8] {
        var bits = BitWriter()
        bits.write(1, count: 1)  // final block
        bits.write(1, count: 2)  // fixed Huffman (BTYPE=01, LSB first)
        bits.writeCode(0b0011_0000, length: 8)  // literal 0
        var remaining = count - 1
        while remaining >= 258 {
            bits.writeCode(0b1100_0101, length: 8)  // length code 285 = 258
            bits.writeCode(0, length: 5)  // distance code 0 = 1
            remaining -= 258
        }
        for _ in 0..<remaining { bits.writeCode(0b0011_0000, length: 8) }
        bits.writeCode(0, length: 7)  // end of block (256)
        return bits.bytes
    }

    private struct BitWriter {
        var bytes: [UInt8] = []
        var used = 8

        mutating func write(_ value: UInt32, count: Int) {
            for bit in 0..<count { push((value >> bit) & 1 == 1) }
        }

        /// Huffman codes go most significant bit first.
        mutating func writeCode(_ code: UInt32, length: Int) {
            for bit in (0..<length).reversed() { push((code >> bit) & 1 == 1) }
        }

        private mutating func push(_ bit: Bool) {
            if used == 8 {
                bytes.append(0)
                used = 0
            }
            if bit { bytes[bytes.count - 1] |= 1 << used }
            used += 1
        }
    }
}
