import Foundation
import Hummingbird
import LaurelDomain
import LaurelStore

/// The movement page's working parts after launch: the later steps (sơ kết, tổng kết, closing),
/// the units' reports against each deadline, and the files of the plan.
extension MovementPages {
    struct Step {
        let status: String
        let label: String
        let allowed: Bool
    }
    struct StepsPanel {
        let today: String
        let steps: [Step]
        let interimRequired: Bool
    }

    /// The steps beyond launch are all offered while the movement runs: the store's state machine
    /// decides, and its refusal is shown (the allowed ones are only highlighted).
    func stepsPanel(_ movement: MovementRecord, _ context: some SignedInRequestContext) -> StepsPanel? {
        guard [MovementStatus.launched, .interimReviewed, .finalReviewed].contains(movement.status) else { return nil }
        let steps = [MovementStatus.interimReviewed, .finalReviewed, .closed].map {
            Step(
                status: $0.rawValue, label: pages.t("movement_advance_\($0.rawValue)", context),
                allowed: movement.allowedNextStatuses.contains($0))
        }
        return StepsPanel(
            today: context.today.description, steps: steps,
            interimRequired: movement.requiresInterimReview && movement.status == .launched)
    }

    struct ReportRow {
        let deadline: String
        let unit: String
        let submittedOn: String
        let status: String
        let late: Bool
        let text: String
        let figures: String
        let file: AttachmentRow?
    }
    struct FigureRow {
        let number: Int
        let name: String
        let value: String
    }
    struct DeadlineForm {
        let id: Int64
        let title: String
        let dueDate: String
        let overdue: Bool
        /// What was typed, when a submission for this deadline was refused: nothing typed is lost.
        let text: String
        let figures: [FigureRow]
        let error: String?
    }
    struct ReportsPanel {
        let rows: [ReportRow]
        let empty: Bool
        let canSubmit: Bool
        let units: [Option]
        let deadlines: [DeadlineForm]
    }
    /// A refused report as typed, with the reason.
    struct ReportDraft {
        let deadlineId: Int64?
        let unitId: String?
        let text: String
        let figures: [(name: String, value: String)]
        let error: String
    }
    struct AttachmentRow {
        let url: String
        let name: String
        let size: String
    }

    /// Reports the identity may see, and a form per deadline for the units of its scope below the
    /// launcher (the store takes a report only from those, and only after launch).
    func reportsPanel(
        _ movement: MovementRecord, coverage: MovementCoverageRecord?, units below: [Option], identity: Identity,
        context: some SignedInRequestContext, typed: ReportDraft? = nil
    ) async throws -> ReportsPanel {
        let reports = movement.status == .draft ? [] : try await movements.reports(movement.id, as: identity)
        var names = Dictionary((coverage?.units ?? []).map { ($0.unitId, $0.unitName) }, uniquingKeysWith: { a, _ in a })
        for option in below { if let id = Int64(option.value) { names[id] = option.label } }
        for unitId in Set(reports.map(\.unitId)) where names[unitId] == nil {
            names[unitId] = (try? await units.get(unitId, as: identity))?.name ?? "#\(unitId)"
        }
        let deadlines = Dictionary(movement.reportDeadlines.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        let rows = reports.reversed().map { report in
            let due = deadlines[report.deadlineId]?.dueDate ?? report.submittedOn
            let days = Self.days(from: due, to: report.submittedOn)
            return ReportRow(
                deadline: deadlines[report.deadlineId]?.title ?? "", unit: names[report.unitId] ?? "", submittedOn: report.submittedOn,
                status: report.late
                    ? pages.t("movement_report_late_days", context, [String(days)]) : pages.t("movement_report_on_time", context),
                late: report.late, text: report.text,
                figures: report.figures.sorted { $0.key < $1.key }.map { "\($0.key): \($0.value)" }.joined(separator: "; "),
                file: report.attachment.map {
                    AttachmentRow(url: "/movements/\(movement.id)/attachments/\($0.id)", name: $0.name, size: Self.size($0.size))
                })
        }
        let today = context.today.description
        let suggested = [
            pages.t("movement_report_figure_collectives", context), pages.t("movement_report_figure_individuals", context), "", "",
        ]
        let deadlineForms = movement.reportDeadlines.map { deadline in
            let draft = typed.flatMap { $0.deadlineId == deadline.id ? $0 : nil }
            let figures =
                draft.map { draft in
                    (draft.figures + Array(repeating: (name: "", value: ""), count: max(0, 4 - draft.figures.count))).enumerated().map {
                        FigureRow(number: $0.offset + 1, name: $0.element.name, value: $0.element.value)
                    }
                } ?? suggested.enumerated().map { FigureRow(number: $0.offset + 1, name: $0.element, value: "") }
            return DeadlineForm(
                id: deadline.id, title: deadline.title, dueDate: deadline.dueDate, overdue: today > deadline.dueDate,
                text: draft?.text ?? "", figures: figures, error: draft?.error)
        }
        let units =
            typed?.unitId.map { chosen in below.map { Option(value: $0.value, label: $0.label, selected: $0.value == chosen) } } ?? below
        return ReportsPanel(
            rows: rows, empty: rows.isEmpty,
            canSubmit: identity.canWrite && movement.status != .draft && !below.isEmpty && !movement.reportDeadlines.isEmpty,
            units: units, deadlines: deadlineForms)
    }

    /// Whole days from one "YYYY-MM-DD" to another (0 when either does not parse).
    static func days(from: String, to: String) -> Int {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        func date(_ text: String) -> Date? {
            guard let day = CalendarDate(text) else { return nil }
            return calendar.date(from: DateComponents(year: day.year, month: day.month, day: day.day))
        }
        guard let start = date(from), let end = date(to) else { return 0 }
        return calendar.dateComponents([.day], from: start, to: end).day ?? 0
    }

    static func size(_ bytes: Int64) -> String {
        bytes >= 1 << 20 ? String(format: "%.1f MB", Double(bytes) / Double(1 << 20)) : bytes >= 1024 ? "\(bytes / 1024) KB" : "\(bytes) B"
    }

    func advance(_ request: Request, context: WriteContext) async throws -> Response {
        let form = try await FormData.read(request, context: context)
        return try await attempt(context) { identity, id in
            let step = try MovementsAPI.advance(
                MovementsAPI.AdvanceRequest(status: form["status"], date: form["date"]), today: context.today)
            _ = try await movements.advance(id, to: step.status, on: step.date, as: identity)
            return "/movements/\(id)?done=advanced"
        }
    }

    /// A page form's fields, sent urlencoded or (with a file) as `multipart/form-data`.
    struct PageFields {
        var values: [String: [String]] = [:]
        var file: MultipartForm.Part?

        subscript(_ name: String) -> String? { values[name]?.first }

        static func read(_ request: Request, context: some SignedInRequestContext) async throws -> PageFields {
            guard let type = request.headers[.contentType], type.lowercased().hasPrefix("multipart/form-data") else {
                return PageFields(values: try await FormData.read(request, context: context).values)
            }
            var request = request
            // The session middleware has already collected (and capped) a multipart body.
            let body = Data(buffer: try await request.collectBody(upTo: ImportService.maxUpload + (64 << 10)))
            var fields = PageFields()
            for part in MultipartForm(body: body, contentType: type)?.parts ?? [] {
                if part.filename != nil {
                    if part.name == "file", fields.file == nil { fields.file = part }
                } else {
                    fields.values[part.name, default: []].append(
                        String(decoding: part.data, as: UTF8.self).replacingOccurrences(of: "\u{0}", with: ""))
                }
            }
            return fields
        }
    }

    /// Figures come as rows of name and count; a row without a count is not reported.
    static func figures(_ form: PageFields) -> (figures: [String: Int64], errors: [DomainError]) {
        var figures: [String: Int64] = [:]
        var errors: [DomainError] = []
        let numbers = form.values.keys.compactMap { $0.hasPrefix("figure_value_") ? Int($0.dropFirst("figure_value_".count)) : nil }
            .sorted()
        for number in numbers {
            let name = (form["figure_name_\(number)"] ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
            let raw = (form["figure_value_\(number)"] ?? "").trimmingCharacters(in: .whitespaces)
            if raw.isEmpty { continue }
            guard !name.isEmpty, let value = Int64(raw), figures[name] == nil else {
                errors.append(.invalid("error.report_bad_figure", field: "figures.\(name)"))
                continue
            }
            figures[name] = value
        }
        return (figures, errors)
    }

    /// A report submitted after its due date is accepted and marked late by the store. The file
    /// is optional: an empty file input sends a part with no name and no bytes.
    func submitReport(_ request: Request, context: WriteContext) async throws -> Response {
        let form = try await PageFields.read(request, context: context)
        let numbers = form.values.keys.compactMap { $0.hasPrefix("figure_name_") ? Int($0.dropFirst("figure_name_".count)) : nil }.sorted()
        let typed = ReportDraft(
            deadlineId: form["deadlineId"].flatMap { Int64($0) }, unitId: form["unitId"], text: form["text"] ?? "",
            figures: numbers.map { (name: form["figure_name_\($0)"] ?? "", value: form["figure_value_\($0)"] ?? "") }, error: "")
        return try await attempt(context, typed: typed) { identity, id in
            let parsed = Self.figures(form)
            let body = MovementsAPI.ReportRequest(
                unitId: form["unitId"].flatMap { Int64($0) }, deadlineId: form["deadlineId"].flatMap { Int64($0) },
                text: form["text"], figures: parsed.figures)
            let valid: MovementsAPI.ValidReport
            do {
                valid = try MovementsAPI.report(body)
            } catch let errors as ValidationErrors {
                throw ValidationErrors(parsed.errors + errors.errors)
            }
            if !parsed.errors.isEmpty { throw ValidationErrors(parsed.errors) }
            let file = form.file.flatMap { $0.data.isEmpty ? nil : ReportFile(name: $0.filename ?? "", data: $0.data) }
            _ = try await movements.submitReport(
                id, unitId: valid.unitId, deadlineId: valid.deadlineId, text: valid.text, figures: valid.figures,
                on: context.today, attachment: file, as: identity)
            return "/movements/\(id)?done=report#reports"
        }
    }

    /// A file of the plan, sent as `multipart/form-data` (the session middleware has already
    /// checked the `_csrf` part and capped the body). Type and size are checked by the store.
    func attach(_ request: Request, context: WriteContext) async throws -> Response {
        var request = request
        let body = Data(buffer: try await request.collectBody(upTo: ImportService.maxUpload + (64 << 10)))
        let form = request.headers[.contentType].flatMap { MultipartForm(body: body, contentType: $0) }
        return try await attempt(context) { identity, id in
            guard let part = form?.parts.first(where: { $0.name == "file" }), !part.data.isEmpty else {
                throw DomainError.invalid("error.attachment_empty", field: "file")
            }
            _ = try await movements.attach(id, name: part.filename ?? "", data: part.data, as: identity)
            return "/movements/\(id)?done=attached#attachments"
        }
    }

    func attachment(_ request: Request, context: BrowseContext) async throws -> Response {
        let identity = context.identity
        let attachmentId = try context.pathId("attachmentId", notFound: "error.attachment_not_found")
        let (meta, data) = try await movements.attachment(try context.id(), attachmentId: attachmentId, as: identity)
        return MovementsAPI.download(meta, data)
    }
}
