extension SchemaComponent {
    /// The envelope of every error answer, which `APIErrorMiddleware` writes.
    static let error = SchemaComponent("Error") {
        .object(
            required: ["error"],
            [
                "error": .object(
                    required: ["code", "message", "field"],
                    [
                        "code": .string,
                        "message": .string,
                        "field": .string.orNull,
                        "errors": .array(
                            .object(
                                [
                                    "field": .string.orNull,
                                    "message": .string,
                                ])),
                    ])
            ])
    }
}
