import LaurelDomain
import SQLKit

/// The demo of movements and clusters: a national movement cascaded to the three provinces, and
/// Hà Nội's block of departments with its 2025 season, criteria table, a few scores, and officer
/// accounts for the four departments. Written straight into the tables (no audit events: the
/// demo's only audit event is the seed itself).
enum DemoMovements {
    /// Officer accounts of the block's members (password: laurel-demo).
    static let accounts: [(username: String, unitCode: String)] = [
        ("canbo.sonoivu.hanoi", "HN-S1"), ("canbo.sotaichinh.hanoi", "HN-S2"),
        ("canbo.sogiaoduc.hanoi", "HN-S3"), ("canbo.soyte.hanoi", "HN-S4"),
    ]

    static func seed(_ db: any SQLDatabase, unitIds: [String: Int64], passwordHash: String) async throws {
        guard let centre = unitIds["HDTDKT-TW"] else { return }
        try await seedMovement(db, centre: centre, unitIds: unitIds)
        try await seedBlock(db, unitIds: unitIds)
        for account in accounts {
            try await db.insert(into: "accounts").columns("username", "password_hash", "role", "unit_id", "active", "created_at")
                .values(
                    SQLBind(account.username), SQLBind(passwordHash), SQLBind("officer"), SQLBind(unitIds[account.unitCode]),
                    SQLBind(true), SQLBind(Clock.timestamp())
                )
                .run()
        }
    }

    static func date(_ text: String) -> CalendarDate { CalendarDate(text) ?? CalendarDate(year: 2025, month: 1, day: 1)! }

    static func seedMovement(_ db: any SQLDatabase, centre: Int64, unitIds: [String: Int64]) async throws {
        var national = Movement(
            name: "Phong trào thi đua \"Cả nước chung tay vì người nghèo - Không để ai bị bỏ lại phía sau\" năm 2025",
            launcherUnitId: centre, kind: .thematic, start: date("2025-01-01"), end: date("2025-12-31"),
            objectives: ["Huy động nguồn lực hỗ trợ hộ nghèo, hộ cận nghèo", "Xóa nhà tạm, nhà dột nát"],
            motto: "Đoàn kết, sáng tạo, thi đua hoàn thành xuất sắc nhiệm vụ",
            contents: [
                MovementContent(number: 1, text: "Đẩy mạnh tuyên truyền, nâng cao nhận thức về giảm nghèo bền vững"),
                MovementContent(number: 2, text: "Hỗ trợ xóa nhà tạm, nhà dột nát cho hộ nghèo"),
                MovementContent(number: 3, text: "Phát hiện, bồi dưỡng, nhân rộng điển hình tiên tiến"),
            ],
            criteria: [
                GroupCriteria(group: .provinces, criteria: ["Hoàn thành chỉ tiêu giảm tỷ lệ hộ nghèo", "Xóa 100% nhà tạm trên địa bàn"]),
                GroupCriteria(group: .collectives, criteria: ["Có mô hình hỗ trợ hộ nghèo hiệu quả"]),
                GroupCriteria(group: .individuals, criteria: ["Có đóng góp tiêu biểu cho công tác giảm nghèo"]),
            ],
            plannedForms: ["BK_TTG", "BK_BO", "CSTDCS"].filter { AwardCatalogue.standard.entry(for: $0) != nil },
            reportDeadlines: [
                ReportDeadline(code: "1", title: "Báo cáo sơ kết 6 tháng", dueDate: date("2025-06-30")),
                ReportDeadline(code: "2", title: "Báo cáo tổng kết năm", dueDate: date("2025-11-30")),
            ])
        try national.launch(on: date("2025-01-15"))
        let nationalId = try await insertLaunched(db, national)
        let deadlines = try await db.select().column("id").from("movement_deadlines").where("movement_id", .equal, SQLBind(nationalId))
            .orderBy("position").all(decodingColumn: "id", as: Int64.self)
        for (code, launchedOn, reportedOn) in [("HN", "2025-02-01", "2025-06-28"), ("DN", "2025-02-10", "2025-07-05"), ("LC", nil, nil)]
            as [(String, String?, String?)]
        {
            guard let unit = unitIds[code] else { continue }
            let child = Movement(
                restoring: Movement(
                    name: national.name, launcherUnitId: unit, kind: national.kind, start: national.start, end: national.end,
                    objectives: national.objectives, motto: national.motto, contents: national.contents, criteria: national.criteria,
                    plannedForms: national.plannedForms, reportDeadlines: national.reportDeadlines, implementsMovementId: nationalId),
                status: launchedOn == nil ? .draft : .launched, launchedOn: launchedOn.map(date), interimReviews: [], finalReviewedOn: nil,
                closedOn: nil)
            _ = try await insertLaunched(db, child)
            if let reportedOn, let first = deadlines.first {
                try await db.insert(into: "movement_reports")
                    .columns("movement_id", "deadline_id", "unit_id", "text", "figures_json", "submitted_on", "late", "created_at")
                    .values(
                        SQLBind(nationalId), SQLBind(first), SQLBind(unit), SQLBind("Báo cáo sơ kết 6 tháng phong trào giảm nghèo."),
                        SQLBind("{\"tap_the_BK\":3,\"ca_nhan_BK\":12}"), SQLBind(reportedOn), SQLBind(reportedOn > "2025-06-30"),
                        SQLBind(Clock.timestamp())
                    )
                    .run()
            }
        }
    }

    /// Inserts the movement and records its launch date and status as they are in the value.
    static func insertLaunched(_ db: any SQLDatabase, _ movement: Movement) async throws -> Int64 {
        let id = try await MovementStore.insert(db, movement)
        try await db.update("movements").set("status", to: SQLBind(movement.status.rawValue))
            .set("launched_on", to: SQLBind(movement.launchedOn?.description)).where("id", .equal, SQLBind(id)).run()
        return id
    }

    static let criteria: [CriterionLine] = [
        .init(
            code: "1.1", section: "I", sectionTitle: "Thực hiện nhiệm vụ chính trị", title: "Hoàn thành các chỉ tiêu kế hoạch năm",
            maxPoints: 30, kind: .criterion),
        .init(code: "1.2", section: "I", title: "Cải cách hành chính, chuyển đổi số", maxPoints: 20, kind: .criterion),
        .init(code: "1.3", section: "I", title: "Thực hành tiết kiệm, chống lãng phí", maxPoints: 10, kind: .criterion),
        .init(
            code: "2.1", section: "II", sectionTitle: "Công tác thi đua, khen thưởng", title: "Phát động và ký kết giao ước thi đua",
            maxPoints: 15, kind: .criterion),
        .init(code: "2.2", section: "II", title: "Phát hiện, nhân rộng điển hình tiên tiến", maxPoints: 15, kind: .criterion),
        .init(code: "2.3", section: "II", title: "Báo cáo đầy đủ, đúng hạn", maxPoints: 10, kind: .criterion),
        .init(
            code: "T1", section: "T", sectionTitle: "Điểm thưởng", title: "Sáng kiến được công nhận cấp thành phố", maxPoints: 5,
            kind: .bonus),
        .init(code: "T2", section: "T", title: "Được khen thưởng đột xuất", maxPoints: 5, kind: .bonus),
        .init(
            code: "D1", section: "D", sectionTitle: "Điểm trừ", title: "Không ký giao ước, không đăng ký thi đua", maxPoints: 8,
            kind: .deduction),
    ]

    static func seedBlock(_ db: any SQLDatabase, unitIds: [String: Int64]) async throws {
        guard let hanoi = unitIds["HN"] else { return }
        let members = (1...4).compactMap { unitIds["HN-S\($0)"] }
        guard members.count == 4,
            let clusterId = try await db.insert(into: "clusters")
                .columns(
                    "code", "name", "kind", "organiser_unit_id", "decision_number", "decision_date", "leader_may_serve_consecutively",
                    "deputy_may_serve_consecutively", "deputy_becomes_leader", "created_at"
                )
                .values(
                    SQLBind("KHOI-SO-HN"), SQLBind("Khối thi đua các sở, ban, ngành Thành phố Hà Nội"), SQLBind("block"), SQLBind(hanoi),
                    SQLBind("125/QĐ-HĐTĐKT"), SQLBind("2024-01-15"), SQLBind(false), SQLBind(true), SQLBind(false),
                    SQLBind(Clock.timestamp())
                )
                .returning("id").first(decodingColumn: "id", as: Int64.self)
        else { return }
        for member in members {
            try await db.insert(into: "cluster_members").columns("cluster_id", "unit_id", "joined_on")
                .values(SQLBind(clusterId), SQLBind(member), SQLBind("2024-01-15")).run()
        }
        let table = try CriterionLine.table(criteria, bonusCap: 5)
        let season = try Season(
            clusterId: clusterId, year: 2025, members: members,
            leadership: ClusterLeadership(leaderUnitId: members[0], deputyUnitId: members[1]), table: table, mode: .verification)
        let draft = SeasonDraft(
            year: 2025, leaderUnitId: members[0], deputyUnitId: members[1], mode: .verification, bonusCap: 5, criteria: criteria,
            rulesText: "Quy chế hoạt động của Khối: khối trưởng, khối phó luân phiên hằng năm; chấm điểm theo thang 100 điểm.",
            covenantText: "Các đơn vị thành viên cam kết thi đua hoàn thành xuất sắc nhiệm vụ chính trị năm 2025.")
        let seasonId = try await SeasonStore.insert(db, season, draft: draft)
        try await db.update("seasons").set("covenant_signed_on", to: SQLBind("2025-02-20")).where("id", .equal, SQLBind(seasonId)).run()
        try await db.update("season_members").set("signed_covenant", to: SQLBind(true)).where("season_id", .equal, SQLBind(seasonId)).run()
        // Two departments have self-scored already; the others have not.
        let sheets: [(Int64, [(String, Int)])] = [
            (members[2], [("1.1", 28), ("1.2", 18), ("1.3", 9), ("2.1", 15), ("2.2", 12), ("2.3", 10), ("T1", 3)]),
            (members[3], [("1.1", 27), ("1.2", 19), ("1.3", 10), ("2.1", 14), ("2.2", 13), ("2.3", 9)]),
        ]
        for (unit, scores) in sheets {
            for (code, points) in scores {
                try await db.insert(into: "season_scores").columns(
                    "season_id", "sheet", "target_unit_id", "scorer_unit_id", "criterion_code", "points"
                )
                .values(SQLBind(seasonId), SQLBind("self"), SQLBind(unit), SQLBind(unit), SQLBind(code), SQLBind(points * 100)).run()
            }
        }
    }
}
