"""Admin forms that offer the edited object's own language only.

Every taxonomy, organisation and place exists once per language. Without this, a French
service would offer the themes of all twelve languages, and an editor could tick
English or Arabic ones by mistake. Each choice of a translatable model — on the page or
snippet and in its inline rows — lists the items of the object's locale (a new page
takes its parent's); an item of another language already chosen (a page converted from
a translation, old data) is shown with its translation ticked instead when there is
one, and refused with a message naming it when there is none, never dropped silently.
"""

import functools

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db.models import Q
from django.forms import ModelChoiceField, ModelMultipleChoiceField
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminModelForm, WagtailAdminPageForm
from wagtail.models import TranslatableMixin

from .i18n import join_words

ASCII_SLUG = _(
    "Use only unaccented letters, digits and hyphens, e.g. “permanence-impots”: "
    "the address must be easy to type and share."
)
OTHER_LANGUAGE_POSTED = _(
    "Choose among the items offered: only items in %(language)s can be used here."
)
OTHER_LANGUAGE_KEPT = _(
    "%(items)s: not in %(language)s. Untick it and tick its version in this language."
)


def translatable_choice_fields(form):
    return {
        name: field
        for name, field in form.fields.items()
        if isinstance(field, ModelChoiceField)
        and issubclass(field.queryset.model, TranslatableMixin)
    }


def initial_pks(field, value):
    values = value if isinstance(field, ModelMultipleChoiceField) else [value]
    return [getattr(item, "pk", item) for item in values or () if item not in (None, "")]


class SameLocaleChoicesMixin:
    def __init__(self, *args, choices_locale=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.choices_locale = choices_locale or getattr(self.instance, "locale", None)
        if self.choices_locale is None:
            return
        self.localised_fields = translatable_choice_fields(self)
        for name, field in self.localised_fields.items():
            self.limit_to_locale(name, field)
        # Inline rows (a service's places, a place's hours…) choose in the parent's language.
        for formset in self.formsets.values():
            formset.form = with_same_locale_choices(formset.form)
            formset.form_kwargs["choices_locale"] = self.choices_locale

    def limit_to_locale(self, name, field):
        locale = self.choices_locale
        model = field.queryset.model
        chosen = initial_pks(field, self.initial.get(name))
        # What is chosen in another language (pk → translation key), and its translation.
        elsewhere, here = {}, {}
        if chosen:
            elsewhere = dict(
                model.objects.filter(pk__in=chosen)
                .exclude(locale=locale)
                .values_list("pk", "translation_key")
            )
        if elsewhere:
            here = dict(
                model.objects.filter(
                    locale=locale, translation_key__in=elsewhere.values()
                ).values_list("translation_key", "pk")
            )
        localised = [here.get(elsewhere[pk], pk) if pk in elsewhere else pk for pk in chosen]
        untranslated = [pk for pk in localised if pk in elsewhere]
        field.queryset = field.queryset.filter(Q(locale=locale) | Q(pk__in=untranslated))
        if chosen != localised:
            multiple = isinstance(field, ModelMultipleChoiceField)
            self.initial[name] = localised if multiple else localised[0]
        message = OTHER_LANGUAGE_POSTED % {"language": locale.get_display_name()}
        field.error_messages = {**field.error_messages, "invalid_choice": message}

    def clean(self):
        cleaned_data = super().clean()
        if self.choices_locale is None:
            return cleaned_data
        for name in self.localised_fields:
            value = cleaned_data.get(name)
            items = value if isinstance(self.fields[name], ModelMultipleChoiceField) else [value]
            foreign = [
                item for item in items or () if item and item.locale_id != self.choices_locale.pk
            ]
            if foreign:
                self.add_error(
                    name,
                    OTHER_LANGUAGE_KEPT
                    % {
                        "items": join_words([str(item) for item in foreign]),
                        "language": self.choices_locale.get_display_name(),
                    },
                )
        return cleaned_data


@functools.cache
def with_same_locale_choices(form_class):
    """``form_class`` (an inline row's, built by Wagtail's panels) with the mixin."""
    if issubclass(form_class, SameLocaleChoicesMixin):
        return form_class
    return type(form_class)(form_class.__name__, (SameLocaleChoicesMixin, form_class), {})


class SameLocaleModelForm(SameLocaleChoicesMixin, WagtailAdminModelForm):
    pass


class SameLocalePageForm(SameLocaleChoicesMixin, WagtailAdminPageForm):
    def clean_slug(self):
        # Wagtail only makes ASCII slugs from titles when unicode slugs are off; the
        # field itself still takes any letter, so a typed "impôts" is refused here.
        slug = self.cleaned_data.get("slug")
        if slug and not settings.WAGTAIL_ALLOW_UNICODE_SLUGS and not slug.isascii():
            raise ValidationError(ASCII_SLUG, code="invalid")
        return slug
