import re
from urllib.parse import urlsplit

from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.urls import Resolver404, resolve
from django.utils import translation
from django.utils.translation import gettext_lazy as _

from core.validators import INTERNATIONAL_PHONE, international_phone, normalise_phone

from .models import (
    CONTACT_MAX_LENGTH,
    MESSAGE_MAX_LENGTH,
    PAGE_PATH_MAX_LENGTH,
    HelpfulAnswer,
    ProblemReport,
)

# Residents write numbers as they know them: local (079 123 45 67) or international.
RESIDENT_PHONE = re.compile(r"^\+?\d{6,15}$")
NOT_RESIDENT_PAGES = ("/admin/", "/django-admin/", "/api/", "/documents/")


def internal_page_path(value):
    """The path of a page of this site in one of its languages, or ValidationError.

    The field comes back from the browser, so anything may be in it: another site,
    a scheme, a protocol-relative address or a path no page answers.
    """
    invalid = ValidationError(_("This is not the address of a page of this site."), "page")
    parts = urlsplit(value)
    if (
        parts.scheme
        or parts.netloc
        or parts.query
        or parts.fragment
        or not value.startswith("/")
        or value.startswith("//")
        or "\\" in value
        or any(ord(character) < 32 for character in value)
        or value.startswith(NOT_RESIDENT_PAGES)
    ):
        raise invalid
    language = value.split("/")[1]
    if language not in dict(settings.LANGUAGES):
        raise invalid
    # Language-prefixed routes only resolve while their language is active.
    with translation.override(language):
        try:
            resolve(value)
        except Resolver404:
            raise invalid from None
    return value


def validate_contact(value):
    if "@" in value:
        validate_email(value)
    elif not RESIDENT_PHONE.match(normalise_phone(value)):
        raise ValidationError(
            _("Write an e-mail address, or a phone number with digits only, e.g. 079 123 45 67."),
            "contact",
        )


class ProblemReportForm(forms.ModelForm):
    message = forms.CharField(
        label=_("What is wrong?"),
        max_length=MESSAGE_MAX_LENGTH,
        widget=forms.Textarea(attrs={"rows": 6}),
        error_messages={"required": _("Write what is wrong on the page.")},
    )
    contact = forms.CharField(
        label=_("Your e-mail address or phone number (optional)"),
        help_text=_("Only if you would like an answer. We use it for nothing else."),
        max_length=CONTACT_MAX_LENGTH,
        required=False,
        validators=[validate_contact],
    )
    page_path = forms.CharField(
        max_length=PAGE_PATH_MAX_LENGTH,
        required=False,
        validators=[internal_page_path],
        widget=forms.HiddenInput,
    )
    # A honeypot: hidden from people, filled in by robots that fill every field.
    website = forms.CharField(
        label=_("Leave this field empty"),
        required=False,
        widget=forms.TextInput(attrs={"autocomplete": "off", "tabindex": "-1"}),
    )

    class Meta:
        model = ProblemReport
        fields = ["message", "contact", "page_path"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # Interpolated here, once the visitor's language is active.
        self.fields["message"].help_text = _(
            "For example: wrong opening hours, a link that does not work, something hard to "
            "understand. At most %(limit)s characters."
        ) % {"limit": MESSAGE_MAX_LENGTH}

    def is_spam(self):
        return bool(self.data.get("website"))


# What was missing, in a resident's words: a line or two, kept as a problem report.
HELPFUL_COMMENT_MAX_LENGTH = 500


class Honeypot(forms.CharField):
    """Hidden from people, filled in by robots that fill every field."""

    def __init__(self):
        super().__init__(
            label=_("Leave this field empty"),
            required=False,
            widget=forms.TextInput(attrs={"autocomplete": "off", "tabindex": "-1"}),
        )


class SendToPhoneForm(forms.Form):
    """Where to send a service's essentials: an e-mail address, or a mobile number when
    a text message provider is configured. Neither is stored."""

    email = forms.EmailField(
        label=_("Your e-mail address"),
        max_length=CONTACT_MAX_LENGTH,
        required=False,
        error_messages={"invalid": _("Write an e-mail address like name@example.ch.")},
        widget=forms.EmailInput(attrs={"autocomplete": "email", "dir": "ltr"}),
    )
    phone = forms.CharField(
        label=_("Your mobile phone number"),
        help_text=_("For a text message, e.g. 079 123 45 67 or +41 79 123 45 67."),
        max_length=30,
        required=False,
        widget=forms.TextInput(
            attrs={"type": "tel", "autocomplete": "tel", "inputmode": "tel", "dir": "ltr"}
        ),
    )
    website = Honeypot()

    def __init__(self, *args, sms=False, country=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.sms = sms
        self.country = country
        if not sms:
            del self.fields["phone"]
            self.fields["email"].required = True
            self.fields["email"].error_messages["required"] = _("Write your e-mail address.")

    def clean_phone(self):
        value = self.cleaned_data.get("phone", "").strip()
        if not value:
            return ""
        number = normalise_phone(international_phone(value, self.country))
        if not INTERNATIONAL_PHONE.match(number):
            raise ValidationError(
                _(
                    "Write a mobile phone number with digits only, e.g. 079 123 45 67, or "
                    "with the country code, e.g. +41 79 123 45 67."
                ),
                "phone",
            )
        return number

    def clean(self):
        cleaned_data = super().clean()
        if self.sms and not self.errors and not (cleaned_data["email"] or cleaned_data["phone"]):
            raise ValidationError(
                _("Write an e-mail address or a mobile phone number."), "no_recipient"
            )
        return cleaned_data

    def is_spam(self):
        return bool(self.data.get("website"))


class HelpfulForm(forms.Form):
    answer = forms.ChoiceField(choices=HelpfulAnswer.Answer.choices)


class HelpfulReasonForm(forms.Form):
    reason = forms.ChoiceField(
        label=_("Why? (optional)"),
        choices=HelpfulAnswer.Reason.choices,
        required=False,
        widget=forms.RadioSelect,
    )
    comment = forms.CharField(
        label=_("What was missing or wrong? (optional)"),
        max_length=HELPFUL_COMMENT_MAX_LENGTH,
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
    )
    website = Honeypot()

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["comment"].help_text = _(
            "Do not write your name or contact details. At most %(limit)s characters."
        ) % {"limit": HELPFUL_COMMENT_MAX_LENGTH}

    def clean(self):
        cleaned_data = super().clean()
        if not self.errors and not (cleaned_data["reason"] or cleaned_data["comment"].strip()):
            raise ValidationError(_("Choose a reason or write a few words."), "empty")
        return cleaned_data

    def is_spam(self):
        return bool(self.data.get("website"))
