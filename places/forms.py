"""Admin forms of places and opening hours: what editors type, understood as they mean it."""

from django import forms
from django.utils.functional import cached_property
from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _
from modelcluster.forms import BaseChildFormSet
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.admin.panels import FieldPanel, InlinePanel

from core.forms import SameLocaleModelForm
from core.validators import international_phone

from .identifiers import NORMALISERS
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
    def clean(self):
        cleaned_data = super().clean()
        for name, normalise in NORMALISERS.items():
            if cleaned_data.get(name):
                cleaned_data[name] = normalise(cleaned_data[name])
        return cleaned_data

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


class OpeningPeriodForm(WagtailAdminModelForm):
    """One opening period, which the editor can copy to other weekdays as they save."""

    also_on = forms.TypedMultipleChoiceField(
        label=capfirst(_("same hours on")),
        coerce=int,
        required=False,
        widget=forms.CheckboxSelectMultiple(attrs={"class": "weekday-choices"}),
        help_text=_(
            "Tick the other days with the same hours: each becomes a period of its own "
            "when you save."
        ),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["also_on"].choices = self._meta.model._meta.get_field("weekday").choices

    def copies(self):
        """This period on each other day ticked: the same times, dates and place."""
        model = type(self.instance)
        values = {
            field.attname: getattr(self.instance, field.attname)
            for field in model._meta.concrete_fields
            if not field.primary_key
        }
        days = set(self.cleaned_data.get("also_on") or []) - {self.cleaned_data.get("weekday")}
        return [model(**{**values, "weekday": day}) for day in sorted(days)]


class OpeningPeriodFormSet(BaseChildFormSet):
    """Saves the copies the periods' forms ask for, beside the periods themselves."""

    def save(self, commit=True):
        saved = super().save(commit=False)
        manager = getattr(self.instance, self.rel_name)
        existing = {period_key(period) for period in manager.all()}
        copies = []
        for form in self.forms:
            if form in self.deleted_forms or not form.has_changed():
                continue
            for copy in form.copies():
                if period_key(copy) not in existing:
                    existing.add(period_key(copy))
                    copies.append(copy)
        for order, copy in enumerate(copies, start=len(manager.all())):
            copy.sort_order = order
        manager.add(*copies)
        if commit:
            manager.commit()
        return saved + copies


def period_key(period):
    """What makes two periods the same: a copy that exists already is not made twice."""
    return (
        getattr(period, "place_id", None),
        period.weekday,
        period.opens,
        period.closes,
        period.valid_from,
        period.valid_until,
    )


class OpeningPeriodsPanel(InlinePanel):
    """Opening periods, each with “same hours on” other weekdays (``OpeningPeriodForm``)."""

    @cached_property
    def panel_definitions(self):
        return [*super().panel_definitions, FieldPanel("also_on")]

    def get_form_options(self):
        options = super().get_form_options()
        options["formsets"][self.relation_name].update(
            form=OpeningPeriodForm, formset=OpeningPeriodFormSet
        )
        return options


class PreviewPeriodForm(forms.Form):
    """One period as the editor is typing it, for the weekly summary preview."""

    place = forms.IntegerField(required=False)
    weekday = forms.TypedChoiceField(coerce=int, choices=[(day, day) for day in range(7)])
    opens = OpeningTimeField()
    closes = OpeningTimeField()
    also_on = forms.TypedMultipleChoiceField(
        coerce=int, required=False, choices=[(day, day) for day in range(7)]
    )


# At most a week's worth of split days per place, for a handful of places.
PreviewPeriodFormSet = forms.formset_factory(
    PreviewPeriodForm, extra=0, max_num=70, absolute_max=70, validate_max=True
)
