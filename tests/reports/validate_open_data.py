#!/usr/bin/python3
"""Validates a plainsight report's open data (issue 10): run by tests/reports/scan_report_test.

usage: validate_open_data.py REPORT_DIR SCHEMAS_DIR [SARIF_FILE]

- datapackage.json against the Tabular Data Package profile (reports/schemas, JSON Schema
  draft 4, with Debian's python3-jsonschema);
- each resource's CSV against its Table Schema: the header names the fields in order, every
  row has as many cells, required cells are present, integer/number/datetime cells parse,
  primary keys are unique;
- earl.jsonld parsed as JSON-LD into RDF (Debian's python3-rdflib), with one earl:Assertion per
  result and every outcome one of EARL's;
- with SARIF_FILE, that file against the SARIF 2.1.0 schema.
Prints what is wrong and exits 1, or prints a summary and exits 0.
"""
import csv
import datetime
import json
import os
import sys

import jsonschema


def fail(message):
    print("invalid: " + message)
    sys.exit(1)


def check_cell(value, field, where):
    kind = field.get("type", "string")
    if value == "":
        if field.get("constraints", {}).get("required"):
            fail(f"{where}: required field '{field['name']}' is empty")
        return
    try:
        if kind == "integer":
            int(value)
        elif kind == "number":
            float(value)
        elif kind == "datetime":
            datetime.datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:
        fail(f"{where}: '{value}' is not a {kind} ({field['name']})")


def validate_package(report_dir, schemas_dir):
    with open(os.path.join(report_dir, "datapackage.json"), encoding="utf-8") as f:
        package = json.load(f)
    with open(os.path.join(schemas_dir, "tabular-data-package.json"), encoding="utf-8") as f:
        profile = json.load(f)
    errors = sorted(jsonschema.Draft4Validator(profile).iter_errors(package), key=str)
    if errors:
        fail("datapackage.json: " + errors[0].message)
    rows = 0
    for resource in package["resources"]:
        path = os.path.join(report_dir, resource["path"])
        fields = resource["schema"]["fields"]
        names = [f["name"] for f in fields]
        key = resource["schema"].get("primaryKey", [])
        seen = set()
        with open(path, encoding="utf-8", newline="") as f:
            reader = csv.reader(f)
            header = next(reader, None)
            if header != names:
                fail(f"{resource['path']}: header {header} is not the schema's {names}")
            for n, row in enumerate(reader, start=2):
                where = f"{resource['path']} row {n}"
                if len(row) != len(fields):
                    fail(f"{where}: {len(row)} cells for {len(fields)} fields")
                for value, field in zip(row, fields):
                    check_cell(value, field, where)
                if key:
                    k = tuple(row[names.index(name)] for name in key)
                    if k in seen:
                        fail(f"{where}: primary key {k} repeated")
                    seen.add(k)
                rows += 1
    return len(package["resources"]), rows


def validate_earl(report_dir):
    import rdflib

    graph = rdflib.Graph()
    graph.parse(os.path.join(report_dir, "earl.jsonld"), format="json-ld")
    earl = rdflib.Namespace("http://www.w3.org/ns/earl#")
    assertions = set(graph.subjects(rdflib.RDF.type, earl.Assertion))
    outcomes = {earl.passed, earl.failed, earl.cantTell, earl.inapplicable, earl.untested}
    for a in assertions:
        result = graph.value(a, earl.result)
        test = graph.value(a, earl.test)
        subject = graph.value(a, earl.subject)
        if result is None or test is None or subject is None:
            fail(f"earl.jsonld: assertion {a} lacks a result, test or subject")
        outcome = graph.value(result, earl.outcome)
        if outcome not in outcomes:
            fail(f"earl.jsonld: assertion {a} has outcome {outcome}")
    return len(assertions)


def validate_sarif(path, schemas_dir):
    with open(os.path.join(schemas_dir, "sarif-schema-2.1.0.json"), encoding="utf-8") as f:
        schema = json.load(f)
    with open(path, encoding="utf-8") as f:
        log = json.load(f)
    errors = sorted(jsonschema.Draft4Validator(schema).iter_errors(log), key=str)
    if errors:
        fail(f"{path}: {errors[0].message} at {list(errors[0].absolute_path)}")


def main():
    if len(sys.argv) < 3:
        print(__doc__)
        sys.exit(2)
    report_dir, schemas_dir = sys.argv[1], sys.argv[2]
    if report_dir != "-":
        resources, rows = validate_package(report_dir, schemas_dir)
        assertions = validate_earl(report_dir)
        print(f"valid: {resources} resources, {rows} rows, {assertions} EARL assertions")
    if len(sys.argv) > 3:
        validate_sarif(sys.argv[3], schemas_dir)
        print("valid: SARIF 2.1.0")


if __name__ == "__main__":
    main()
