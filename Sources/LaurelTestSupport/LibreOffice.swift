import Foundation

/// Runs LibreOffice headless for interop tests; absent on most developer machines (CI installs it).
public enum LibreOffice {
    public static let executable: URL? = {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
        for folder in path.split(separator: ":") {
            for name in ["soffice", "libreoffice"] {
                let candidate = URL(fileURLWithPath: String(folder)).appendingPathComponent(name)
                if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
            }
        }
        return nil
    }()

    public static var isInstalled: Bool { executable != nil }

    public struct ConversionFailed: Error, CustomStringConvertible {
        public var description: String
    }

    /// Converts `input` with `--convert-to target` and returns the produced file. A fresh profile per
    /// run avoids the lock a shared profile takes.
    public static func convert(_ input: URL, to target: String, extension outputExtension: String, inputFilter: String? = nil) throws -> URL
    {
        guard let executable else { throw ConversionFailed(description: "LibreOffice is not installed") }
        let outputDirectory = input.deletingLastPathComponent().appendingPathComponent("out-\(UUID().uuidString)")
        let profile = FileManager.default.temporaryDirectory.appendingPathComponent("lo-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: profile) }
        let process = Process()
        process.executableURL = executable
        var arguments = ["-env:UserInstallation=\(profile.absoluteString)", "--headless", "--norestore"]
        if let inputFilter { arguments.append("--infilter=\(inputFilter)") }
        arguments += ["--convert-to", target, "--outdir", outputDirectory.path, input.path]
        process.arguments = arguments
        let output = Pipe()
        process.standardOutput = output
        process.standardError = output
        try process.run()
        let log = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        let produced = outputDirectory.appendingPathComponent(
            input.deletingPathExtension().lastPathComponent + "." + outputExtension
        )
        guard process.terminationStatus == 0, FileManager.default.fileExists(atPath: produced.path) else {
            throw ConversionFailed(description: "soffice exited \(process.terminationStatus): " + String(decoding: log, as: UTF8.self))
        }
        return produced
    }
}
