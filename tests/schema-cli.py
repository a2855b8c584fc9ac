"""The JSON the limber tool writes for the examples validates against docs/schema/.

Run by CTest (tests/CMakeLists.txt) with the project's .venv Python, which has
jsonschema (bindings/python/requirements-dev.txt):

    schema-cli.py LIMBER SOURCE_DIR

Each command below is what a user types for the examples; its output must
validate against the schema of its kind, and so must the example profiles
against the static profile schema and against the schema `limber describe
--format json-schema` writes, which in turn must refuse a wrong type, an
unknown goal, an unknown question id and an out-of-range measure.  Exit 0
when everything holds, 1 (listing every failure) when not.
"""

import json
import pathlib
import subprocess
import sys

import jsonschema


def main(limber, source):
    root = pathlib.Path(source)
    schemas = root / "docs" / "schema"
    profiles = sorted((root / "examples" / "profiles").glob("*.json"))
    cases = sorted(str(p) for p in (root / "rules" / "tests").glob("*.xml"))
    failures = []

    def validator(schema):
        jsonschema.Draft202012Validator.check_schema(schema)
        return jsonschema.Draft202012Validator(schema, format_checker=jsonschema.Draft202012Validator.FORMAT_CHECKER)

    def static(name):
        return validator(json.loads((schemas / f"{name}.schema.json").read_text()))

    def run(*args, ok=(0,)):
        done = subprocess.run([limber, *args], capture_output=True, text=True, check=False)
        if done.returncode not in ok:
            failures.append(f"limber {' '.join(args)}: exit {done.returncode}: {done.stderr.strip()}")
            return None
        try:
            return json.loads(done.stdout)
        except json.JSONDecodeError as e:
            failures.append(f"limber {' '.join(args)}: not JSON ({e}): {done.stderr.strip()[:500]}")
            return None

    def check(v, document, what):
        for e in v.iter_errors(document):
            path = "/".join(map(str, e.absolute_path))
            failures.append(f"{what}: {path}: {e.message}")

    outputs = []
    for p in profiles:
        outputs.append(("plan", f"plan of {p.name}",
                        run("plan", "--profile", str(p), "--start", "2026-11-23", "--format", "json")))
        outputs.append(("simulation", f"simulation of {p.name}",
                        run("simulate", "--profile", str(p), "--weeks", "3", "--format", "json")))
    outputs.append(("describe", "describe", run("describe", "--format", "json")))
    outputs.append(("coverage", "coverage of rules/tests", run("coverage", "--format", "json", *cases)))
    outputs.append(("coverage", "coverage of a population", run("coverage", "--population", "30", "--format", "json")))
    # a threshold that fails still writes its report (exit 1)
    outputs.append(("audit", "audit of the examples",
                    run("audit", "--format", "json", "--min-median-fill", "0.99", *map(str, profiles), ok=(0, 1))))
    outputs.append(("audit", "audit of a population", run("audit", "--population", "30", "--format", "json")))
    for p in sorted((root / "examples" / "simulations").glob("*.json")):
        outputs.append(("simulation", str(p.relative_to(root)), json.loads(p.read_text())))
    for name, what, document in outputs:
        if document is not None:
            if document.get("format_version") != 1 or next(iter(document)) != "format_version":
                failures.append(f"{what}: format_version is not the first member, 1")
            check(static(name), document, what)

    generated_document = run("describe", "--format", "json-schema")
    if generated_document is not None:
        generated = validator(generated_document)
        profile = static("profile")
        for p in profiles:
            document = json.loads(p.read_text())
            check(profile, document, f"{p.name} against profile.schema.json")
            check(generated, document, f"{p.name} against describe --format json-schema")
        refused = {
            "a wrong type": {"age": "45"},
            "an unknown goal": {"goal": "strength"},
            "an unknown question id": {"answers": {"bladder-bowel-chnage": False}},
            "an out-of-range measure": {"scan": [{"measure": "hip.internal-rotation", "left": 25, "right": 400}]},
        }
        for what, document in refused.items():
            if generated.is_valid(document):
                failures.append(f"describe --format json-schema accepts {what}: {json.dumps(document)}")

    for f in failures:
        print(f)
    print(f"{len(outputs)} outputs and {len(profiles)} profiles checked against docs/schema: "
          f"{len(failures)} failures")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1], sys.argv[2]))
