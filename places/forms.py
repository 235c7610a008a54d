"""Admin forms of places and opening hours: what editors type, understood as they mean it."""

from django import forms
from django.utils.translation import gettext_lazy as _

from core.forms import SameLocaleModelForm
from core.validators import international_phone

from .teams import limit_to_team


class LocalPhoneForm(SameLocaleModelForm):
    """A phone number typed as dialled locally gets the country code of ``country()``."""

    def country(self):
        raise NotImplementedError

    def clean(self):
        cleaned_data = super().clean()
        if cleaned_data.get("phone"):
            cleaned_data["phone"] = international_phone(cleaned_data["phone"], self.country())
        return cleaned_data


class PlaceForm(LocalPhoneForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        limit_to_team(self)

    def country(self):
        return self.cleaned_data.get("country")


class OrganisationForm(LocalPhoneForm):
    def country(self):
        """The country of its places, when they are all in one."""
        if not self.instance.pk:
            return None
        countries = set(self.instance.places.values_list("country", flat=True))
        return countries.pop() if len(countries) == 1 else None


class OpeningTimeField(forms.TimeField):
    """A time as editors type it: 09:00, 9:00, 9h, 9h30, 9.30.

    Shown as a plain text box: Wagtail's time picker silently put back the previous
    value when a time was badly typed; here the editor is told what to type instead.
    """

    default_error_messages = {"invalid": _("Type a time such as 09:00 or 9h30.")}
    input_formats = ["%H:%M", "%H:%M:%S", "%Hh%M", "%Hh", "%H.%M", "%H"]

    def to_python(self, value):
        if isinstance(value, str):
            value = value.strip().lower().replace(" ", "")
        return super().to_python(value)


OPENING_TIME_OVERRIDE = {
    "form_class": OpeningTimeField,
    "widget": forms.TimeInput(format="%H:%M", attrs={"placeholder": "09:00", "size": 6}),
}
