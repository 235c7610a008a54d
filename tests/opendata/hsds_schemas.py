"""Validators of HSDS 3.0 answers, built from the standard's own schemas and OpenAPI file
(``../shared/standards/hsds-3.0``), with ``$ref``s between files resolved by a registry."""

import json
from functools import cache
from pathlib import Path

from django.conf import settings
from jsonschema import Draft202012Validator
from referencing import Registry
from referencing.jsonschema import DRAFT202012

# ``../shared/standards/hsds-3.0`` beside the project (or beside a folder of worktrees).
STANDARD = next(
    (
        folder / "shared" / "standards" / "hsds-3.0"
        for folder in Path(settings.BASE_DIR).resolve().parents
        if (folder / "shared" / "standards" / "hsds-3.0").is_dir()
    ),
    Path(settings.BASE_DIR).parent / "shared" / "standards" / "hsds-3.0",
)
PAGE_FIELDS = [
    "total_items",
    "total_pages",
    "page_number",
    "size",
    "first_page",
    "last_page",
    "empty",
]


def load(name):
    return json.loads((STANDARD / name).read_text(encoding="utf-8"))


@cache
def registry():
    """Every schema under the relative name the others use for it (``phone.json``,
    ``compiled/service.json``)."""
    names = [path.relative_to(STANDARD).as_posix() for path in STANDARD.rglob("*.json")]
    return Registry().with_resources(
        (name, DRAFT202012.create_resource(load(name))) for name in names if name != "openapi.json"
    )


def validator(schema):
    """``schema``: a schema, or the name of one of the standard's files."""
    if isinstance(schema, str):
        schema = {"$ref": schema}
    return Draft202012Validator(
        schema, registry=registry(), format_checker=Draft202012Validator.FORMAT_CHECKER
    )


def page_of(item_schema):
    """A paged list as the OpenAPI file describes it, every envelope field required."""
    envelope = load("openapi.json")["components"]["schemas"]["Page"]
    return {
        "allOf": [envelope],
        "required": [*PAGE_FIELDS, "contents"],
        "properties": {"contents": {"type": "array", "items": {"$ref": item_schema}}},
    }


def root_schema():
    get = load("openapi.json")["paths"]["/"]["get"]
    schema = get["responses"]["200"]["content"]["application/json"]["schema"]
    return {**schema, "required": ["version", "profile"]}


def errors(data, schema):
    """Every validation error, as readable lines (empty when valid)."""
    return [
        f"{'/'.join(map(str, error.absolute_path))}: {error.message}"
        for error in validator(schema).iter_errors(data)
    ]
