import LaurelDomain
import Testing

@Suite struct FileNameAndHiddenCharacterTests {
    @Test(arguments: [
        ("../../etc/passwd", "pdf", "passwd.pdf"),
        ("evil.html", "pdf", "evil.pdf"),
        ("C:\\Users\\An\\Báo cáo.DOCX", "docx", "Báo cáo.docx"),
        ("bao.cao.2025.pdf", "pdf", "bao.cao.2025.pdf"),
        ("Quyết định số 12.2025", "pdf", "Quyết định số 12.2025.pdf"),
        ("...", "png", "tep.png"),
        ("", "xlsx", "tep.xlsx"),
        ("ảnh\u{202E}gnp.exe", "jpg", "ảnhgnp.jpg"),
        ("   .hidden", "pdf", "hidden.pdf"),
    ])
    func storedNames(raw: String, ext: String, expected: String) {
        #expect(FileName.stored(raw, fileExtension: ext, fallback: "tep") == expected)
    }

    @Test func storedNamesAreNFCAndBounded() {
        let nfd = "Ke\u{0302}\u{0301} hoa\u{0323}ch.pdf"
        #expect(FileName.stored(nfd, fileExtension: "pdf", fallback: "tep").unicodeScalars.elementsEqual("Kế hoạch.pdf".unicodeScalars))
        #expect(
            FileName.stored(String(repeating: "ạ", count: 500) + ".pdf", fileExtension: "pdf", fallback: "tep").count == FileName.maxLength
                + 4)
    }

    @Test func namesRefuseHiddenCharactersAndAreNFC() {
        for hidden in ["A\u{200B}n", "\u{202E}nA", "Ma\u{FEFF}i", "La\u{2066}n", "Ho\u{00AD}a"] {
            var errors: [DomainError] = []
            _ = Validate.name(hidden, field: "fullName", into: &errors)
            #expect(errors.map(\.key) == ["error.hidden_characters"], "\(hidden.unicodeScalars.map(\.value))")
        }
        var errors: [DomainError] = []
        let name = Validate.name("Tra\u{0302}\u{0300}n", field: "fullName", into: &errors)
        #expect(errors.isEmpty && name.unicodeScalars.elementsEqual("Trần".unicodeScalars))
        // Free text refuses direction controls, and keeps a zero-width joiner an emoji may need.
        _ = Validate.optionalText("ghi chú \u{202E}", field: "notes", into: &errors)
        #expect(errors.map(\.key) == ["error.hidden_characters"])
    }
}
