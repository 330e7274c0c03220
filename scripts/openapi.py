#!/usr/bin/env python3
"""Writes Sources/LaurelServer/Resources/openapi.json, the OpenAPI 3.1 document of /api/v1.
Kept as a script so the document stays consistent; the server serves the generated file and a
test checks that every documented route answers."""
import json, pathlib

def ref(name): return {"$ref": f"#/components/schemas/{name}"}
def ok(schema, status="200", desc="OK"): return {status: {"description": desc, "content": {"application/json": {"schema": schema}}}}
ERR = {"description": "Error", "content": {"application/json": {"schema": ref("Error")}}}
def errors(*codes): return {str(c): ERR for c in codes}
def body(schema): return {"required": True, "content": {"application/json": {"schema": schema}}}
def qp(name, schema, desc=""): return {"name": name, "in": "query", "required": False, "schema": schema, "description": desc}
ID = {"name": "id", "in": "path", "required": True, "schema": {"type": "integer", "format": "int64", "minimum": 1}}
PAGING = [qp("page", {"type": "integer", "minimum": 1}), qp("per", {"type": "integer", "minimum": 1, "maximum": 500})]
SEC = [{"bearer": []}]
def lst(item): return {"type": "object", "required": ["items", "total", "page", "per"], "properties": {"items": {"type": "array", "items": item}, "total": {"type": "integer"}, "page": {"type": "integer"}, "per": {"type": "integer"}}}
def op(summary, tag, responses, **kw):
    d = {"summary": summary, "tags": [tag], "security": SEC, "responses": responses}
    d.update(kw); return d

kinds = ["ministry", "province", "department", "commune", "school", "enterprise", "front", "organisation", "other"]
levels = ["central", "provincial", "grassroots"]
cats = ["cadre", "civil_servant", "public_employee", "worker", "armed_forces", "other"]
roles = ["admin", "officer", "council", "leader", "staff", "auditor"]
date = {"type": "string", "format": "date"}
nstr = {"type": ["string", "null"]}
# bcrypt reads 72 bytes: longer passwords are refused (422). A schema counts characters, so 72 is the
# most a password may have; one with accented letters must be shorter.
PASSWORD = {"type": "string", "minLength": 10, "maxLength": 72, "description": "10 characters to 72 UTF-8 bytes"}

schemas = {
  "Error": {"type": "object", "required": ["error"], "properties": {"error": {"type": "object", "required": ["code", "message", "field"], "properties": {
      "code": {"type": "string"}, "message": {"type": "string"}, "field": nstr,
      "errors": {"type": "array", "items": {"type": "object", "properties": {"field": nstr, "message": {"type": "string"}}}}}}}},
  "Unit": {"type": "object", "required": ["id", "code", "name", "kind", "level", "path", "active"], "properties": {
      "id": {"type": "integer", "format": "int64"}, "code": {"type": "string"}, "name": {"type": "string"}, "kind": {"enum": kinds}, "level": {"enum": levels},
      "parentId": {"type": ["integer", "null"]}, "path": {"type": "string"}, "active": {"type": "boolean"}, "activeFrom": nstr, "activeTo": nstr, "mergedIntoId": {"type": ["integer", "null"]}}},
  "UnitInput": {"type": "object", "additionalProperties": False, "required": ["code", "name", "kind", "level"], "properties": {
      "code": {"type": "string", "maxLength": 40}, "name": {"type": "string", "maxLength": 200}, "kind": {"enum": kinds}, "level": {"enum": levels},
      "parentId": {"type": ["integer", "null"], "format": "int64"}, "activeFrom": {"type": ["string", "null"], "format": "date"}}},
  "UnitPatch": {"type": "object", "additionalProperties": False, "properties": {
      "code": {"type": "string", "maxLength": 40}, "name": {"type": "string", "maxLength": 200}, "kind": {"enum": kinds}, "level": {"enum": levels},
      "parentId": {"type": ["integer", "null"], "format": "int64"}, "activeFrom": {"type": ["string", "null"], "format": "date"}}},
  "Merge": {"type": "object", "additionalProperties": False, "required": ["targetId"], "properties": {"targetId": {"type": "integer", "format": "int64"}, "date": date}},
  "MergeResult": {"type": "object", "properties": {"source": ref("Unit"), "targetId": {"type": "integer"}, "peopleMoved": {"type": "integer"}, "unitsMoved": {"type": "integer"}}},
  "DateInput": {"type": "object", "additionalProperties": False, "properties": {"date": date}},
  "Person": {"type": "object", "required": ["id", "fullName", "gender", "unitId", "staffCategory", "holdsManagementPost"], "properties": {
      "id": {"type": "integer", "format": "int64"}, "fullName": {"type": "string"}, "gender": {"enum": ["female", "male", "other"]}, "birthDate": nstr,
      "unitId": {"type": "integer"}, "unitName": {"type": "string"}, "position": nstr, "staffCategory": {"enum": cats}, "holdsManagementPost": {"type": "boolean"},
      "ethnicity": nstr, "activeFrom": nstr, "activeTo": nstr}},
  "PersonInput": {"type": "object", "additionalProperties": False, "required": ["fullName", "gender", "unitId", "staffCategory"], "properties": {
      "fullName": {"type": "string", "maxLength": 200}, "gender": {"enum": ["female", "male", "other"]}, "birthDate": {"type": ["string", "null"], "format": "date"},
      "unitId": {"type": "integer", "format": "int64"}, "position": {"type": ["string", "null"], "maxLength": 200}, "staffCategory": {"enum": cats},
      "holdsManagementPost": {"type": "boolean"}, "ethnicity": {"type": ["string", "null"], "maxLength": 60}}},
  "PersonPatch": {"type": "object", "additionalProperties": False, "properties": {
      "fullName": {"type": "string", "maxLength": 200}, "gender": {"enum": ["female", "male", "other"]}, "birthDate": {"type": ["string", "null"], "format": "date"},
      "unitId": {"type": "integer", "format": "int64"}, "position": {"type": ["string", "null"], "maxLength": 200}, "staffCategory": {"enum": cats},
      "holdsManagementPost": {"type": "boolean"}, "ethnicity": {"type": ["string", "null"], "maxLength": 60}, "transferDate": date}},
  "Transfer": {"type": "object", "properties": {"fromUnitId": {"type": "integer"}, "toUnitId": {"type": "integer"}, "onDate": {"type": "string"}, "reason": nstr}},
  "Account": {"type": "object", "required": ["id", "username", "role", "unitId", "active"], "properties": {
      "id": {"type": "integer", "format": "int64"}, "username": {"type": "string"}, "role": {"enum": roles}, "unitId": {"type": "integer"}, "unitName": {"type": "string"},
      "personId": {"type": ["integer", "null"]}, "active": {"type": "boolean"}}},
  "AccountInput": {"type": "object", "additionalProperties": False, "required": ["username", "password", "role", "unitId"], "properties": {
      "username": {"type": "string", "pattern": "^[a-z0-9._-]{3,64}$"}, "password": PASSWORD, "role": {"enum": roles},
      "unitId": {"type": "integer", "format": "int64"}, "personId": {"type": ["integer", "null"], "format": "int64"}}},
  "AccountPatch": {"type": "object", "additionalProperties": False,
      "description": "Fields left out, or sent with the value the account has, stay as they are; the account's tokens are revoked only when one really changes. "
                     "Nobody changes their own role, unit, activity or password here (403): one's own password is changed at POST /auth/password.",
      "properties": {
      "password": PASSWORD, "role": {"enum": roles}, "unitId": {"type": "integer", "format": "int64"}, "active": {"type": "boolean"}}},
  "AuditEvent": {"type": "object", "required": ["at", "actor", "action", "entity"], "properties": {
      "at": {"type": "string"}, "actor": {"type": "string"}, "action": {"type": "string"},
      "entity": {"type": "string"}, "entityId": {"type": ["integer", "null"]}, "before": {}, "after": {}}},
}

paths = {
  "/auth/token": {"post": {"summary": "Get a bearer token", "tags": ["auth"], "security": [],
      "description": "The body is at most 8 KiB. Repeated failures slow further tries of the name and of the client (429 with Retry-After, doubling up to 15 minutes); "
                     "a client that signed in to the account before is not held back by others' failures.",
      "requestBody": body({"type": "object", "additionalProperties": False, "required": ["username", "password"],
      "properties": {"username": {"type": "string", "maxLength": 64}, "password": {"type": "string", "maxLength": 1024}}}),
      "responses": {**ok({"type": "object", "required": ["token", "expiresAt"], "properties": {"token": {"type": "string"}, "expiresAt": {"type": "string", "format": "date-time"}}}), **errors(400, 401, 413, 422, 429)}},
    "delete": op("Revoke the calling token", "auth", {"204": {"description": "Revoked: the token answers 401 from now on"}, **errors(401)},
                 description="Signs the calling API client out; the account's other tokens and sessions stay valid.")},
  "/auth/password": {"post": op("Change the caller's own password", "auth", {"204": {"description": "Changed"}, **errors(400, 401, 403, 413, 422, 429)},
      description="Every role may change its own password. A wrong current password is 422 (field currentPassword) and counts as a failed sign-in; "
                  "after a change the calling token stays valid and every other token and session of the account is revoked.",
      requestBody=body({"type": "object", "additionalProperties": False, "required": ["currentPassword", "newPassword"],
                        "properties": {"currentPassword": {"type": "string", "maxLength": 1024}, "newPassword": PASSWORD}}))},
  "/units": {
    "get": op("List units in scope", "units", {**ok(lst(ref("Unit"))), **errors(401, 403, 404, 422)},
              parameters=[qp("parentId", {"type": "integer", "format": "int64"}), qp("q", {"type": "string"}, "name or code, accents ignored"),
                          qp("kind", {"enum": kinds}), qp("sort", {"enum": ["name", "-name", "code", "-code"]}), qp("active", {"enum": ["true", "false"]})] + PAGING),
    "post": op("Create a unit", "units", {**ok(ref("Unit"), "201", "Created"), **errors(400, 401, 403, 404, 409, 422)}, requestBody=body(ref("UnitInput")))},
  "/units/{id}": {
    "get": op("Get a unit", "units", {**ok(ref("Unit")), **errors(401, 403, 404)}, parameters=[ID]),
    "patch": op("Change or move a unit", "units", {**ok(ref("Unit")), **errors(400, 401, 403, 404, 409, 422)}, parameters=[ID], requestBody=body(ref("UnitPatch")))},
  "/units/{id}/subtree": {"get": op("A unit and every unit below it", "units", {**ok(lst(ref("Unit"))), **errors(401, 403, 404)}, parameters=[ID])},
  "/units/{id}/deactivate": {"post": op("End a unit's active period", "units", {**ok(ref("Unit")), **errors(400, 401, 403, 404, 409, 422)}, parameters=[ID], requestBody=body(ref("DateInput")))},
  "/units/{id}/merge": {"post": op("Merge a unit into another", "units", {**ok(ref("MergeResult")), **errors(400, 401, 403, 404, 409, 422)}, parameters=[ID], requestBody=body(ref("Merge")))},
  "/people": {
    "get": op("List people in scope", "people", {**ok(lst(ref("Person"))), **errors(401, 403, 404, 422)},
              parameters=[qp("q", {"type": "string"}, "name, accents and case ignored"), qp("unitId", {"type": "integer", "format": "int64"}, "this unit and below"),
                          qp("staffCategory", {"enum": cats}), qp("gender", {"enum": ["female", "male", "other"]}), qp("sort", {"enum": ["name", "-name", "birthDate", "-birthDate"]}),
                          qp("awardCode", {"type": "string"}, "has (not) received this award"), qp("awardYear", {"type": "integer"}), qp("hasAward", {"enum": ["true", "false"]})] + PAGING),
    "post": op("Create a person", "people", {**ok(ref("Person"), "201", "Created"), **errors(400, 401, 403, 404, 422)}, requestBody=body(ref("PersonInput")))},
  "/people/{id}": {
    "get": op("Get a person", "people", {**ok(ref("Person")), **errors(401, 403, 404)}, parameters=[ID]),
    "patch": op("Change or transfer a person", "people", {**ok(ref("Person")), **errors(400, 401, 403, 404, 422)}, parameters=[ID], requestBody=body(ref("PersonPatch")))},
  "/people/{id}/transfers": {"get": op("A person's transfers", "people", {**ok(lst(ref("Transfer"))), **errors(401, 403, 404)}, parameters=[ID])},
  "/accounts": {
    "get": op("List accounts in scope", "accounts", {**ok(lst(ref("Account"))), **errors(401, 403, 422)}, parameters=[qp("q", {"type": "string"})] + PAGING),
    "post": op("Create an account", "accounts", {**ok(ref("Account"), "201", "Created"), **errors(400, 401, 403, 404, 409, 422)}, requestBody=body(ref("AccountInput")))},
  "/accounts/{id}": {
    "get": op("Get an account", "accounts", {**ok(ref("Account")), **errors(401, 403, 404)}, parameters=[ID]),
    "patch": op("Change an account", "accounts", {**ok(ref("Account")), **errors(400, 401, 403, 404, 422)}, parameters=[ID], requestBody=body(ref("AccountPatch")))},
  "/audit": {"get": op("Browse the audit log in scope", "audit", {**ok(lst(ref("AuditEvent"))), **errors(401, 403, 422)},
              parameters=[qp("entity", {"type": "string"}), qp("entityId", {"type": "integer", "format": "int64"}), qp("actorId", {"type": "integer", "format": "int64"})] + PAGING)},
}

# Each area of the API keeps its paths and schemas in scripts/openapi_<area>.py (PATHS, SCHEMAS),
# merged here; the helpers above (ref, ok, errors, body, qp, ID, PAGING, SEC, lst, op) are passed in.
import importlib.util, sys
for part in sorted(pathlib.Path(__file__).resolve().parent.glob("openapi_*.py")):
    spec = importlib.util.spec_from_file_location(part.stem, part)
    module = importlib.util.module_from_spec(spec)
    module.__dict__.update({k: globals()[k] for k in ("ref", "ok", "errors", "body", "qp", "ID", "PAGING", "SEC", "lst", "op", "ERR")})
    spec.loader.exec_module(module)
    for key, value in module.PATHS.items():
        assert key not in paths, f"{part.name}: path {key} defined twice"
        paths[key] = value
    for key, value in module.SCHEMAS.items():
        assert key not in schemas, f"{part.name}: schema {key} defined twice"
        schemas[key] = value

doc = {"openapi": "3.1.0", "info": {"title": "Laurel API", "version": "1.0.0", "description": "Emulation and commendation management. Values are codes; errors are {\"error\": {\"code\", \"message\", \"field\"}}."},
       "servers": [{"url": "/api/v1"}], "paths": paths,
       "components": {"schemas": schemas, "securitySchemes": {"bearer": {"type": "http", "scheme": "bearer"}}}}
out = pathlib.Path(__file__).resolve().parent.parent / "Sources/LaurelServer/Resources/openapi.json"
out.write_text(json.dumps(doc, ensure_ascii=False, indent=1) + "\n")
print(f"wrote {out} with {sum(len(v) for v in paths.values())} operations")
