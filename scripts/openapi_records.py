"""Records and the award register (issue 3): assessments, initiatives, the catalogue, the register,
record timelines, imports and exports. Merged by scripts/openapi.py (helpers injected)."""

ratings = ["excellent", "good", "complete", "incomplete"]
disciplines = ["reprimand", "warning", "demotion", "dismissal"]
levels = ["grassroots", "ministerial_provincial", "national"]
award_kinds = ["merit", "ad_hoc", "thematic", "contribution", "seniority", "foreign"]
statuses = ["valid", "revoked", "corrected"]
sources = ["entered", "imported", "decision"]
import_kinds = ["units", "people", "assessments", "initiatives", "awards"]
lists = ["units", "people", "assessments", "awards"]
nstr = {"type": ["string", "null"]}
nint = {"type": ["integer", "null"]}
YEAR = {"name": "year", "in": "path", "required": True, "schema": {"type": "integer", "minimum": 1945, "maximum": 2100}}
KIND = {"name": "kind", "in": "path", "required": True, "schema": {"enum": import_kinds}}
LIST = {"name": "list", "in": "path", "required": True, "schema": {"enum": lists}}
FILTERS = [qp("unitId", {"type": "integer", "format": "int64"}, "this unit and below"), qp("year", {"type": "integer"}),
           qp("code", {"type": "string"}, "award code"), qp("status", {"enum": statuses}), qp("subject", {"enum": ["person", "unit"]})]
PEOPLE_FILTERS = [qp("q", {"type": "string"}), qp("staffCategory", {"type": "string"}), qp("gender", {"enum": ["female", "male", "other"]}),
                  qp("awardCode", {"type": "string"}), qp("awardYear", {"type": "integer"}), qp("hasAward", {"enum": ["true", "false"]}),
                  qp("parentId", {"type": "integer", "format": "int64"}), qp("q", {"type": "string"})]

SCHEMAS = {
  "Assessment": {"type": "object", "required": ["id", "year", "rating"], "properties": {
      "id": {"type": "integer", "format": "int64"}, "personId": nint, "unitId": nint, "year": {"type": "integer"},
      "rating": {"enum": ratings}, "discipline": {"enum": disciplines + [None]}, "notes": nstr}},
  "AssessmentInput": {"type": "object", "additionalProperties": False, "required": ["rating"], "properties": {
      "rating": {"enum": ratings}, "discipline": {"enum": disciplines + [None, ""]}, "notes": {"type": ["string", "null"], "maxLength": 1000}}},
  "AssessmentListItem": {"type": "object", "properties": {"assessment": ref("Assessment"), "subjectName": {"type": "string"},
      "unitCode": {"type": "string"}, "birthDate": nstr}},
  "Award": {"type": "object", "required": ["id", "code", "year", "kind", "source", "status"], "properties": {
      "id": {"type": "integer", "format": "int64"}, "personId": nint, "unitId": nint, "code": {"type": "string"}, "year": {"type": "integer"},
      "endYear": nint, "kind": {"enum": award_kinds}, "decisionNumber": nstr, "decisionDate": nstr, "authority": nstr,
      "source": {"enum": sources}, "status": {"enum": statuses}, "statusReason": nstr}},
  "AwardInput": {"type": "object", "additionalProperties": False, "required": ["code", "year"], "properties": {
      "code": {"type": "string", "maxLength": 40}, "year": {"type": "integer", "minimum": 1945}, "endYear": nint, "kind": {"enum": award_kinds},
      "decisionNumber": {"type": ["string", "null"], "maxLength": 100}, "decisionDate": {"type": ["string", "null"], "format": "date"},
      "authority": {"type": ["string", "null"], "maxLength": 200}, "status": {"enum": ["valid", "corrected"]}}},
  "AwardListItem": {"type": "object", "properties": {"award": ref("Award"), "subjectName": {"type": "string"}, "unitCode": {"type": "string"}, "birthDate": nstr}},
  "Revoke": {"type": "object", "additionalProperties": False, "required": ["reason"], "properties": {"reason": {"type": "string", "minLength": 1, "maxLength": 200}}},
  "Initiative": {"type": "object", "required": ["id", "title", "year", "level", "authors"], "properties": {
      "id": {"type": "integer", "format": "int64"}, "title": {"type": "string"}, "year": {"type": "integer"}, "level": {"enum": levels},
      "decisionNumber": nstr, "unitId": {"type": "integer"},
      "authors": {"type": "array", "items": {"type": "object", "properties": {"personId": {"type": "integer"}, "share": {"type": "integer"}, "fullName": nstr}}}}},
  "InitiativeInput": {"type": "object", "additionalProperties": False, "required": ["title", "year", "level", "authors"], "properties": {
      "title": {"type": "string", "maxLength": 200}, "year": {"type": "integer", "minimum": 1945}, "level": {"enum": levels},
      "authors": {"type": "array", "minItems": 1, "items": {"type": "object", "required": ["personId"], "properties": {
          "personId": {"type": "integer", "format": "int64"}, "share": {"type": "integer", "minimum": 1, "maximum": 100}}}},
      "decisionNumber": {"type": ["string", "null"], "maxLength": 100}}},
  "RecordYear": {"type": "object", "required": ["year", "initiatives", "awards"], "properties": {
      "year": {"type": "integer"}, "rating": {"enum": ratings + [None]}, "discipline": {"enum": disciplines + [None]}, "notes": nstr,
      "initiatives": {"type": "array", "items": ref("Initiative")}, "awards": {"type": "array", "items": ref("Award")}}},
  "Record": {"type": "object", "required": ["years"], "properties": {"name": {"type": "string"}, "years": {"type": "array", "items": ref("RecordYear")}}},
  "CatalogueEntry": {"type": "object", "required": ["code", "nameVi", "nameEn"], "properties": {
      "code": {"type": "string"}, "category": {"enum": ["emulation_title", "commendation_form"]}, "nameVi": {"type": "string"}, "nameEn": {"type": "string"},
      "subjectKinds": {"type": "array", "items": {"enum": ["individual", "collective", "household"]}}, "awardingLevel": {"type": "string"},
      "annual": {"type": "boolean"}, "coefficientIndividual": {"type": ["number", "null"]}, "coefficientCollective": {"type": ["number", "null"]},
      "legalBasis": {"type": "string"}, "ruleReference": {"type": "string"}, "note": nstr, "builtin": {"type": "boolean"}}},
  "CatalogueInput": {"type": "object", "additionalProperties": False, "required": ["code", "nameVi", "subjectKinds", "awardingLevel", "legalBasis"], "properties": {
      "code": {"type": "string", "maxLength": 40}, "category": {"enum": ["emulation_title", "commendation_form"]},
      "nameVi": {"type": "string", "maxLength": 200}, "nameEn": {"type": "string", "maxLength": 200},
      "subjectKinds": {"type": "array", "minItems": 1, "items": {"enum": ["individual", "collective", "household"]}},
      "awardingLevel": {"enum": ["commune", "grassroots", "ministry_province", "province", "prime_minister", "president"]},
      "annual": {"type": "boolean"}, "coefficientIndividual": {"type": ["number", "null"], "minimum": 0, "maximum": 1000},
      "coefficientCollective": {"type": ["number", "null"], "minimum": 0, "maximum": 1000},
      "legalBasis": {"type": "string", "maxLength": 200}, "note": {"type": ["string", "null"], "maxLength": 1000}}},
  "ImportReport": {"type": "object", "required": ["rows", "imported", "errors"], "properties": {
      "kind": {"type": "string"}, "dryRun": {"type": "boolean"}, "rows": {"type": "integer"}, "imported": {"type": "integer"}, "errorCount": {"type": "integer"},
      "errors": {"type": "array", "items": {"type": "object", "required": ["row", "column", "message"], "properties": {
          "row": {"type": "integer"}, "column": nstr, "message": {"type": "string"}, "code": {"type": "string"}}}}}},
}

FILE = {"required": True, "content": {
    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": {"schema": {"type": "string", "format": "binary"}},
    "text/csv": {"schema": {"type": "string"}},
    "multipart/form-data": {"schema": {"type": "object", "properties": {"file": {"type": "string", "format": "binary"}}}}}}
XLSX = {"200": {"description": "XLSX file", "content": {"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": {"schema": {"type": "string", "format": "binary"}}}}}
CSV = {"200": {"description": "CSV file (UTF-8 with BOM)", "content": {"text/csv": {"schema": {"type": "string"}}}}}

PATHS = {
  "/people/{id}/assessments/{year}": {"put": op("Record or correct a person's yearly assessment", "records",
      {**ok(ref("Assessment")), **ok(ref("Assessment"), "201", "Created"), **errors(400, 401, 403, 404, 422)}, parameters=[ID, YEAR], requestBody=body(ref("AssessmentInput")))},
  "/units/{id}/assessments/{year}": {"put": op("Record or correct a unit's yearly assessment", "records",
      {**ok(ref("Assessment")), **ok(ref("Assessment"), "201", "Created"), **errors(400, 401, 403, 404, 422)}, parameters=[ID, YEAR], requestBody=body(ref("AssessmentInput")))},
  "/people/{id}/record": {"get": op("A person's record by year", "records", {**ok(ref("Record")), **errors(401, 403, 404)}, parameters=[ID])},
  "/units/{id}/record": {"get": op("A unit's record by year", "records", {**ok(ref("Record")), **errors(401, 403, 404)}, parameters=[ID])},
  "/assessments": {"get": op("Yearly assessments in scope", "records", {**ok(lst(ref("AssessmentListItem"))), **errors(401, 403, 404, 422)}, parameters=FILTERS + PAGING)},
  "/people/{id}/awards": {"post": op("Enter an award of a person in the register", "register",
      {**ok(ref("Award"), "201", "Created"), **errors(400, 401, 403, 404, 409, 422)}, parameters=[ID], requestBody=body(ref("AwardInput")))},
  "/units/{id}/awards": {"post": op("Enter an award of a unit in the register", "register",
      {**ok(ref("Award"), "201", "Created"), **errors(400, 401, 403, 404, 409, 422)}, parameters=[ID], requestBody=body(ref("AwardInput")))},
  "/awards": {"get": op("The award register in scope", "register", {**ok(lst(ref("AwardListItem"))), **errors(401, 403, 404, 422)}, parameters=FILTERS + PAGING)},
  "/awards/{id}": {"get": op("A row of the register", "register", {**ok(ref("Award")), **errors(401, 403, 404)}, parameters=[ID])},
  "/awards/{id}/revoke": {"post": op("Revoke an award (the row stays, with the reason)", "register",
      {**ok(ref("Award")), **errors(400, 401, 403, 404, 409, 422)}, parameters=[ID], requestBody=body(ref("Revoke")))},
  "/initiatives": {"post": op("Record an initiative or research work", "records",
      {**ok(ref("Initiative"), "201", "Created"), **errors(400, 401, 403, 404, 422)}, requestBody=body(ref("InitiativeInput")))},
  "/initiatives/{id}": {"get": op("An initiative", "records", {**ok(ref("Initiative")), **errors(401, 403, 404)}, parameters=[ID])},
  "/catalogue": {
    "get": op("The award catalogue", "catalogue", {**ok(lst(ref("CatalogueEntry"))), **errors(401)}),
    "post": op("Add a title or form to the catalogue (administrators)", "catalogue",
               {**ok(ref("CatalogueEntry"), "201", "Created"), **errors(400, 401, 403, 409, 422)}, requestBody=body(ref("CatalogueInput")))},
  "/imports/{kind}": {"post": op("Import a CSV or XLSX file (dry run by default: lists bad rows, writes nothing)", "imports",
      {**ok(ref("ImportReport")), "422": {"description": "Bad rows (or people already recorded: name, birth date and unit identify a person), or a bad request: nothing was written", "content": {"application/json": {"schema": {"oneOf": [ref("ImportReport"), ref("Error")]}}}},
       "409": {"description": "The same file (same kind, same bytes) is being imported now: nothing was written by this request", "content": {"application/json": {"schema": ref("ImportReport")}}},
       **errors(400, 401, 403, 404, 413)},
      parameters=[KIND, qp("dryRun", {"enum": ["true", "false"]}, "default true")], requestBody=FILE)},
  "/imports/{kind}/template.xlsx": {"get": op("The template of an import", "imports", {**XLSX, **errors(401, 404)}, parameters=[KIND])},
  "/exports/{list}.csv": {"get": op("Export a list as CSV, with its filters, in scope", "exports", {**CSV, **errors(401, 403, 404, 422)}, parameters=[LIST] + FILTERS + PEOPLE_FILTERS[:-1])},
  "/exports/{list}.xlsx": {"get": op("Export a list as XLSX, with its filters, in scope", "exports", {**XLSX, **errors(401, 403, 404, 422)}, parameters=[LIST] + FILTERS + PEOPLE_FILTERS[:-1])},
}
