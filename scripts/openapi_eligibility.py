# Eligibility checks without a database: the input of `laurel check` (docs/check-input.md).
_condition = {"type": "object", "properties": {"id": {"type": "string"}, "met": {"type": "boolean"}, "detail": {"type": "string"}, "evidence": {"type": "object"}}}
SCHEMAS = {
    "CheckInput": {"type": "object", "required": ["subjects"], "description": "See docs/check-input.md. One request takes at most 1,000 subjects, "
        "300 years (and 300 awards) a subject, 20,000 members in all and 10,000 checks (the default 'every code' checks counted); the body at most 4 MiB. "
        "Past any of these the answer is 413 naming the bound; a busy server answers 503 with Retry-After.", "properties": {
        "subjects": {"type": "array", "maxItems": 1000, "items": {"type": "object"}}, "check": {"type": "array", "items": {"type": "object", "properties": {
            "code": {"type": "string"}, "year": {"type": "integer"}, "decisionDate": {"type": "string", "format": "date"}}}}}},
    "Verdict": {"type": "object", "required": ["subject", "code", "year", "eligible", "conditions", "basis"], "properties": {
        "subject": {"type": "string"}, "code": {"type": "string"}, "year": {"type": "integer"}, "eligible": {"type": "boolean"},
        "conditions": {"type": "array", "items": _condition}, "basis": {"type": "string"},
        "eligibleFrom": {"type": ["integer", "null"]}, "bonusVND": {"type": ["integer", "null"]}}},
}
_row = {"type": "object", "properties": {"subjectId": {"type": "integer"}, "name": {"type": "string"}, "unitName": {"type": "string"},
        "eligible": {"type": "boolean"}, "eligibleFrom": {"type": ["integer", "null"]}, "unmet": {"type": "array", "items": {"type": "string"}}, "unmetConditions": {"type": "array", "items": {"type": "string"}}, "bonusVND": {"type": ["integer", "null"]}}}
_year = qp("year", {"type": "integer", "minimum": 1945, "maximum": 2200}, "the year judged")
PATHS = {
    "/people/{id}/eligibility": {"get": op("Every title and form for a person in a year, explained", "eligibility",
        {**ok({"type": "object", "required": ["personId", "year", "verdicts"], "properties": {"personId": {"type": "integer"}, "year": {"type": "integer"},
              "verdicts": {"type": "array", "items": ref("Verdict")}}}), **errors(401, 403, 404, 422)}, parameters=[ID, _year])},
    "/units/{id}/eligibility": {"get": op("One title or form for everyone of a unit's subtree", "eligibility",
        {**ok({"type": "object", "required": ["unitId", "code", "year", "total", "eligible", "rows"], "properties": {"unitId": {"type": "integer"},
              "code": {"type": "string"}, "year": {"type": "integer"}, "total": {"type": "integer"}, "eligible": {"type": "integer"}, "rows": {"type": "array", "items": _row}}}),
         **errors(401, 403, 404, 422, 503)},
        parameters=[ID, {"name": "code", "in": "query", "required": True, "schema": {"type": "string"}}, _year])},
    "/eligibility/check": {"post": op("Check subjects' histories against the law's rules", "eligibility",
        {**ok({"type": "object", "required": ["verdicts"], "properties": {"verdicts": {"type": "array", "items": ref("Verdict")}}}), **errors(400, 401, 413, 422, 503)},
        parameters=[qp("year", {"type": "integer", "minimum": 1900, "maximum": 2200}, "judge every check in this year")],
        requestBody=body(ref("CheckInput")))},
}
