import Foundation

/// Timestamps as stored: UTC, ISO 8601 with milliseconds, so text order is time order.
enum Clock {
    static func timestamp(_ date: Date = Date()) -> String {
        date.formatted(Date.ISO8601FormatStyle(includingFractionalSeconds: true))
    }

    static func epochSeconds(_ date: Date = Date()) -> Int64 { Int64(date.timeIntervalSince1970) }
}
