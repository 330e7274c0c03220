import Foundation

#if canImport(FoundationXML)
import FoundationXML
#endif

/// A SAX delegate for one XLSX part. Delegate methods cannot throw, so a handler records the first
/// error in `failure` and aborts the parser; `XMLPartReader` rethrows it.
///
/// A protocol rather than a base class: Swift would dispatch the delegate methods of a subclass
/// through the base class's default implementations and never call them.
protocol XMLPartHandler: XMLParserDelegate {
    var failure: (any Error)? { get }
}

extension String {
    /// The element or attribute name without its namespace prefix (`x:row` → `row`).
    var localName: Substring {
        guard let colon = firstIndex(of: ":") else { return self[...] }
        return self[index(after: colon)...]
    }

    /// Decodes OOXML's `_xHHHH_` escapes (Excel writes a carriage return as `_x000D_`).
    var decodingOOXMLEscapes: String {
        guard contains("_x") else { return self }
        var result = ""
        var rest = self[...]
        while let start = rest.range(of: "_x") {
            result += rest[..<start.lowerBound]
            let hex = rest[start.upperBound...].prefix(5)
            if hex.count == 5, hex.last == "_", let code = UInt32(hex.dropLast(), radix: 16),
                let scalar = Unicode.Scalar(code)
            {
                result.unicodeScalars.append(scalar)
                rest = rest[rest.index(start.upperBound, offsetBy: 5)...]
            } else {
                result += "_x"
                rest = rest[start.upperBound...]
            }
        }
        return result + rest
    }
}

extension Dictionary where Key == String, Value == String {
    /// The attribute with this local name, whatever its prefix (`r:id`, `id`).
    func attribute(_ name: String) -> String? {
        if let value = self[name] { return value }
        return first { $0.key.localName == name }?.value
    }
}
