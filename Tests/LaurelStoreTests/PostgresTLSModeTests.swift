import LaurelStore
import Testing

@Suite struct PostgresTLSModeTests {
    @Test(arguments: [
        ("postgres://u@db.example/laurel", PostgresTLSMode.disable),
        ("postgres://u@db.example/laurel?sslmode=require", .require),
        ("postgres://u@db.example/laurel?sslmode=verify-full", .verifyFull),
        ("postgres://u@db.example/laurel?application_name=x&tlsmode=PREFER", .prefer),
        ("postgres://u@db.example/laurel?sslmode=verify-ca", .verifyCA),
    ])
    func sslmodeIsReadFromTheURL(url: String, mode: PostgresTLSMode) throws {
        #expect(try PostgresTLSMode(url: url) == mode)
    }

    @Test func anUnknownModeIsRefusedNamingTheChoices() {
        let error = #expect(throws: PostgresTLSMode.Unknown.self) { try PostgresTLSMode(url: "postgres://u@h/d?sslmode=maybe") }
        #expect(error?.value == "maybe" && error?.description.contains("verify-full") == true)
    }
}
