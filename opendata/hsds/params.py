"""Query parameters of the HSDS API, read by forms: bad input is a 400, never a 500.

Parameters the API does not know are ignored (HSDS clients send their own), but no
parameter may hold a NUL character.
"""

import datetime

from django import forms
from django.conf import settings
from django.core.validators import ProhibitNullCharactersValidator
from django.utils.translation import gettext_lazy as _

from core.validators import holds_nul
from places.geo import find_commune
from search.query import clean_query

DEFAULT_PER_PAGE = 50
MAX_PER_PAGE = 100
BOOLEANS = {"true": True, "1": True, "false": False, "0": False}


class BooleanParameter(forms.TypedChoiceField):
    """``true``/``false`` (or 1/0): anything else is an error, not a silent false."""

    def __init__(self, **kwargs):
        super().__init__(
            choices=[(value, value) for value in BOOLEANS],
            coerce=BOOLEANS.get,
            empty_value=False,
            required=False,
            **kwargs,
        )


class ListParameters(forms.Form):
    lang = forms.ChoiceField(choices=settings.LANGUAGES, required=False)
    page = forms.IntegerField(min_value=1, required=False)
    per_page = forms.IntegerField(min_value=1, max_value=MAX_PER_PAGE, required=False)
    search = forms.CharField(required=False, strip=True)
    format = forms.ChoiceField(choices=[("json", "json")], required=False)

    def clean_search(self):
        return clean_query(self.cleaned_data["search"])


class TermParameters(ListParameters):
    taxonomy_id = forms.UUIDField(required=False)


class ServiceParameters(TermParameters):
    taxonomy_term_id = forms.UUIDField(required=False)
    organization_id = forms.UUIDField(required=False)
    modified_after = forms.DateTimeField(required=False)
    full = BooleanParameter()

    def clean_modified_after(self):
        moment = self.cleaned_data["modified_after"]
        try:
            # The database compares in UTC: the first hours of year 1 are out of range.
            return moment and moment.astimezone(datetime.UTC)
        except OverflowError:
            raise forms.ValidationError(
                self.fields["modified_after"].error_messages["invalid"], code="invalid"
            ) from None


class ServiceAtLocationParameters(ServiceParameters):
    postcode = forms.CharField(required=False, max_length=12)
    proximity = forms.FloatField(min_value=0, max_value=1_000_000, required=False)

    def clean(self):
        """``proximity`` counts metres from the centre of the postcode's commune."""
        data = super().clean()
        data["centre"] = None
        if data.get("proximity") is None:
            return data
        if not data.get("postcode"):
            self.add_error("proximity", _("Give a postcode to measure the distance from."))
            return data
        data["centre"] = find_commune(data["postcode"])
        if data["centre"] is None:
            self.add_error(
                "postcode",
                _("This postcode is not known: there is no centre to measure the distance from."),
            )
        return data


class LanguageParameters(forms.Form):
    lang = forms.ChoiceField(choices=settings.LANGUAGES, required=False)


def nul_errors(parameters):
    """The error of any parameter, known or not, holding a NUL character."""
    if holds_nul(parameters):
        return {"parameters": [str(ProhibitNullCharactersValidator.message)]}
    return {}
