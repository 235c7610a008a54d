"""The ServicePage admin form as a browser would post it."""

from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield

INLINES = (
    "service_places",
    "opening_periods",
    "hours_exceptions",
    "required_documents",
    "online_procedures",
    "related_services",
)


def service_form_data(theme=None, access_mode=None, **overrides):
    inlines = {name: overrides.pop(name, []) for name in INLINES}
    data = {
        "title": "Permanence impôts",
        "slug": "permanence-impots",
        "summary": "Aide pour remplir sa déclaration.",
        "easy_read_summary": "",
        "body": streamfield([]),
        "cost": "free",
        "cost_details": "",
        "eligibility": rich_text(""),
        "phone": "+41 22 306 06 70",
        "email": "",
        "contact_person": "",
        "contact_role": "",
        "last_reviewed": "2026-11-01",
        "review_interval_months": "6",
        "suspension_message": "",
        **{name: inline_formset(rows) for name, rows in inlines.items()},
    }
    data.update(overrides)
    form_data = nested_form_data(data)
    # Multiple-choice fields are posted as repeated keys, which nested_form_data can't express.
    form_data["themes"] = [theme.pk] if theme else []
    form_data["access_modes"] = [access_mode.pk] if access_mode else []
    return form_data
