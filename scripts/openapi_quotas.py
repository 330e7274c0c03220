# Award quotas an organisation sets for itself (none by law since 2024), per unit, inherited by the
# unit's subtree (the nearest ancestor's setting wins); and a proposal list judged against the one
# in force. See docs/eligibility.md ("Quotas").
_intid = {"type": "integer", "format": "int64"}
_ids = {"type": "array", "items": _intid}
_code = {"name": "code", "in": "path", "required": True, "schema": {"type": "string", "minLength": 1, "maxLength": 40},
         "description": "a catalogue code for individuals, e.g. CSTDCS"}
SCHEMAS = {
    "Quota": {"type": "object", "required": ["code", "percent", "ofCode", "unitId", "unitName", "inherited"], "properties": {
        "code": {"type": "string"}, "percent": {"type": "integer", "minimum": 1, "maximum": 100}, "ofCode": {"type": "string"},
        "unitId": {**_intid, "description": "the unit whose setting this is"}, "unitName": {"type": "string"},
        "inherited": {"type": "boolean", "description": "set at an ancestor of the unit asked about"}}},
    "QuotaInput": {"type": "object", "additionalProperties": False, "required": ["percent", "ofCode"], "properties": {
        "percent": {"type": "integer", "minimum": 1, "maximum": 100}, "ofCode": {"type": "string", "description": "the base code, e.g. LDTT"}}},
    "QuotaCheckInput": {"type": "object", "additionalProperties": False, "required": ["code", "year", "proposals"], "properties": {
        "code": {"type": "string"}, "year": {"type": "integer", "minimum": 1945, "maximum": 2200},
        "proposals": {**_ids, "description": "ids of people directly in the unit, in the unit's order of preference"}}},
    "QuotaCheck": {"type": "object", "required": ["code", "year", "unitId", "unitName", "setAtUnitId", "setAtUnitName", "baseCode", "baseCount",
        "percent", "cap", "proposed", "ineligible", "withinQuota", "overQuota", "exceeded", "detail"], "properties": {
        "code": {"type": "string"}, "year": {"type": "integer"}, "unitId": _intid, "unitName": {"type": "string"},
        "setAtUnitId": _intid, "setAtUnitName": {"type": "string"}, "baseCode": {"type": "string"},
        "baseCount": {"type": "integer", "description": "people of the unit holding or eligible for baseCode in the year"},
        "percent": {"type": "integer"}, "cap": {"type": "integer", "description": "floor(percent × baseCount / 100)"},
        "proposed": _ids, "ineligible": _ids, "withinQuota": _ids, "overQuota": _ids, "exceeded": {"type": "boolean"}, "detail": {"type": "string"}}},
}
PATHS = {
    "/units/{id}/quotas": {"get": op("Quotas in force at a unit: its own and inherited ones, with where each is set", "quotas",
        {**ok({"type": "object", "required": ["items"], "properties": {"items": {"type": "array", "items": ref("Quota")}}}), **errors(401, 403, 404)},
        parameters=[ID])},
    "/units/{id}/quotas/{code}": {
        "put": op("Set or replace the unit's own quota for a code", "quotas", {**ok(ref("Quota")), **errors(400, 401, 403, 404, 422)},
                  parameters=[ID, _code], requestBody=body(ref("QuotaInput"))),
        "delete": op("Remove the unit's own quota for a code", "quotas", {"204": {"description": "Removed"}, **errors(401, 403, 404)},
                     parameters=[ID, _code])},
    "/units/{id}/quota-check": {"post": op("Judge an ordered proposal list against the quota in force at the unit", "quotas",
        {**ok(ref("QuotaCheck")), **errors(400, 401, 403, 404, 422)}, parameters=[ID], requestBody=body(ref("QuotaCheckInput")))},
}
