"""HSDS 3.0's tabular layout: the nested objects of the API as one CSV table per type.

Each object type of the standard has a table (``services.csv``, ``phones.csv``…) whose
columns are its plain fields, in the standard's order; an object nested in another
becomes a row of its own type's table, pointing at its parent through the
``<parent>_id`` column the standard gives it (a service's phone: ``phones.csv`` with
``service_id``). An object met several times (a place where several services are
delivered) is one row. ``Reader`` turns the tables back into nested services (what
``import_hsds`` reads), by the same rule. ``tests/opendata/test_hsds_api.py`` checks
the columns against the standard's schemas and every row against its object's schema.
"""

import csv

# Type -> (file, columns). ``name:number`` marks the numeric columns; the others are text.
TABLES = {
    "organization": (
        "organizations.csv",
        "id name alternate_name description email website tax_status tax_id "
        "year_incorporated:number legal_status logo uri parent_organization_id",
    ),
    "service": (
        "services.csv",
        "id organization_id program_id name alternate_name description url email status "
        "interpretation_services application_process fees_description wait_time fees "
        "accreditations eligibility_description minimum_age:number maximum_age:number "
        "assured_date assurer_email licenses alert last_modified",
    ),
    "service_at_location": ("service_at_location.csv", "id service_id location_id description"),
    "location": (
        "locations.csv",
        "id location_type url organization_id name alternate_name description transportation "
        "latitude:number longitude:number external_identifier external_identifier_type",
    ),
    "address": (
        "addresses.csv",
        "id location_id attention address_1 address_2 city region state_province postal_code "
        "country address_type",
    ),
    "phone": (
        "phones.csv",
        "id location_id service_id organization_id contact_id service_at_location_id number "
        "extension:number type description",
    ),
    "schedule": (
        "schedules.csv",
        "id service_id location_id service_at_location_id valid_from valid_to dtstart "
        "timezone:number until count:number wkst freq interval:number byday byweekno "
        "bymonthday byyearday description opens_at closes_at schedule_link attending_type notes",
    ),
    "language": ("languages.csv", "id service_id location_id phone_id name code note"),
    "accessibility": ("accessibility.csv", "id location_id description details url"),
    "required_document": ("required_documents.csv", "id service_id document uri"),
    "cost_option": (
        "cost_options.csv",
        "id service_id valid_from valid_to option currency amount:number amount_description",
    ),
    "contact": (
        "contacts.csv",
        "id organization_id service_id service_at_location_id location_id name title department "
        "email",
    ),
    "attribute": ("attributes.csv", "id link_id taxonomy_term_id link_type link_entity value"),
    "taxonomy": ("taxonomies.csv", "id name description uri version"),
    "taxonomy_term": (
        "taxonomy_terms.csv",
        "id code name description parent_id taxonomy language taxonomy_id term_uri",
    ),
    "organization_identifier": (
        "organization_identifiers.csv",
        "id organization_id identifier_scheme identifier_type identifier",
    ),
    "service_area": (
        "service_areas.csv",
        "id service_id name description extent extent_type uri",
    ),
}
# The field that nests objects of a type, wherever it appears, names that type.
NESTED = {
    "organization": "organization",
    "services": "service",
    "locations": "location",
    "service_at_locations": "service_at_location",
    "location": "location",
    "addresses": "address",
    "phones": "phone",
    "schedules": "schedule",
    "languages": "language",
    "accessibility": "accessibility",
    "required_documents": "required_document",
    "cost_options": "cost_option",
    "contacts": "contact",
    "attributes": "attribute",
    "taxonomy_term": "taxonomy_term",
    "taxonomy_detail": "taxonomy",
    "organization_identifiers": "organization_identifier",
    "service_areas": "service_area",
}


def columns(object_type):
    """[(name, "number" or "string")] of the type's table, in the standard's order."""
    return [
        (name, kind or "string")
        for name, _colon, kind in (
            column.partition(":") for column in TABLES[object_type][1].split()
        )
    ]


class Tables:
    """Rows gathered per table from nested HSDS objects, each object once."""

    def __init__(self):
        self.rows = {object_type: {} for object_type in TABLES}

    def add(self, object_type, item, parent=None):
        """Adds ``item`` (an HSDS object of ``object_type``) and what it nests."""
        row = {name: item.get(name) for name, _kind in columns(object_type)}
        if parent is not None:
            parent_type, parent_id = parent
            key = f"{parent_type}_id"
            if key in row and row[key] is None:
                row[key] = parent_id
        self.rows[object_type].setdefault(item["id"], row)
        for field, value in item.items():
            nested_type = NESTED.get(field)
            if nested_type is None or not value:
                continue
            for child in value if isinstance(value, list) else [value]:
                self.add(nested_type, child, parent=(object_type, item["id"]))

    def write(self, folder):
        """Writes one CSV per table that has rows; returns their data package resources."""
        resources = []
        for object_type, rows in self.rows.items():
            if not rows:
                continue
            path, _columns = TABLES[object_type]
            fields = columns(object_type)
            with (folder / path).open("w", encoding="utf-8", newline="") as file:
                writer = csv.writer(file)
                writer.writerow(name for name, _kind in fields)
                writer.writerows(
                    [cell(row[name]) for name, _kind in fields] for row in rows.values()
                )
            resources.append(
                {
                    "name": path.removesuffix(".csv"),
                    "path": path,
                    "profile": "tabular-data-resource",
                    "format": "csv",
                    "mediatype": "text/csv",
                    "encoding": "utf-8",
                    "count": len(rows),
                    "schema": {
                        "fields": [{"name": name, "type": kind} for name, kind in fields],
                        "primaryKey": "id",
                    },
                }
            )
        return resources


def cell(value):
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    return value


def typed(value, kind):
    """A cell as the object had it: an empty cell is an absent field."""
    if value == "":
        return None
    if kind == "number":
        number = float(value)
        return int(number) if number.is_integer() else number
    return value


def read_table(folder, object_type):
    path = folder / TABLES[object_type][0]
    if not path.exists():
        return []
    kinds = dict(columns(object_type))
    with path.open(encoding="utf-8", newline="") as file:
        return [
            {
                name: typed(value, kinds.get(name, "string"))
                for name, value in row.items()
                if value != ""
            }
            for row in csv.DictReader(file)
        ]


class Reader:
    """The tables of a folder read back into nested objects: an object nests the rows
    pointing at it through ``<its type>_id`` (a list field, e.g. a service's ``phones``)
    and the object its own ``<type>_id`` column names (a field named after the type, e.g.
    its ``organization``); attributes point at theirs through ``link_id``. A type never
    nests within itself."""

    def __init__(self, folder):
        self.rows = {object_type: read_table(folder, object_type) for object_type in TABLES}
        self.by_id = {
            object_type: {row["id"]: row for row in rows if "id" in row}
            for object_type, rows in self.rows.items()
        }

    def services(self):
        return [self.nested("service", row, ("service",)) for row in self.rows["service"]]

    def nested(self, object_type, row, ancestors):
        item = dict(row)
        for field, nested_type in NESTED.items():
            if nested_type in ancestors:
                continue
            if field == nested_type and f"{nested_type}_id" in dict(columns(object_type)):
                child = self.by_id[nested_type].get(row.get(f"{nested_type}_id"))
                if child is not None:
                    item[field] = self.nested(nested_type, child, (*ancestors, nested_type))
                continue
            children = [
                self.nested(nested_type, child, (*ancestors, nested_type))
                for child in self.children(nested_type, object_type, row["id"])
            ]
            if children:
                item[field] = children
        return item

    def children(self, object_type, parent_type, parent_id):
        if object_type == "attribute":
            return [
                row
                for row in self.rows[object_type]
                if (row.get("link_entity"), row.get("link_id")) == (parent_type, parent_id)
            ]
        key = f"{parent_type}_id"
        return [row for row in self.rows[object_type] if row.get(key) == parent_id]
