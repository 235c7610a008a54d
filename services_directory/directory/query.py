"""What a directory address asks for, read by a Django form into an immutable query.

The whole state of the directory lives in the query string (a GET form), so every view
of it is shareable and works without JavaScript. Values that mean nothing are ignored
and reported, never an error; numbers are clamped.
"""

from dataclasses import dataclass, replace

from django import forms
from django.utils.translation import gettext_lazy as _

from core.pagination import parse_page_number
from places.geo import Commune, find_commune
from search.query import Question

# Guards against absurd addresses: more values than any real choice, or huge values.
MAX_VALUES_PER_FACET = 30
MAX_VALUE_LENGTH = 80
SERVED_LABEL = _("Only services for my commune")
SORTS = {
    "relevance": _("Relevance"),
    "name": _("Name"),
    "next_opening": _("Next opening"),
    "distance": _("Distance"),
}


@dataclass(frozen=True)
class DirectoryQuery:
    """One directory request: choices per facet, words, place, order, page."""

    choices: tuple = ()  # ((facet name, (option key, ...)), ...), in the facets' order
    question: Question | None = None  # the words searched for, analysed once
    near: Commune | None = None
    served: bool = False  # only the services competent for ``near`` (its catchment)
    sort: str = "name"
    page: int = 1
    ignored: tuple = ()  # labels of what the address said that was not understood

    @property
    def text(self):
        return self.question.text if self.question is not None else ""

    def chosen(self, facet_name):
        return dict(self.choices).get(facet_name, ())

    @property
    def filter_count(self):
        return sum(len(keys) for _name, keys in self.choices)

    def sort_available(self, sort):
        return not (
            (sort == "relevance" and not self.text) or (sort == "distance" and self.near is None)
        )


class ValuesField(forms.Field):
    """Every value of a repeated parameter, stripped, capped in length, without repeats."""

    widget = forms.MultipleHiddenInput

    def to_python(self, value):
        values = []
        for item in value or ():
            item = str(item).strip()[:MAX_VALUE_LENGTH]
            if item and item not in values:
                values.append(item)
        return values


class DirectoryForm(forms.Form):
    """The directory's address, for the facets (``facets.Facet``) of its language."""

    q = forms.CharField(required=False, strip=False)
    near = forms.CharField(required=False)
    served = forms.BooleanField(required=False)
    sort = forms.CharField(required=False)
    page = forms.CharField(required=False)

    def __init__(self, data, facets, language):
        super().__init__(data)
        self.facets = facets
        self.language = language
        for facet in facets:
            self.fields[facet.name] = ValuesField(required=False)

    def clean(self):
        data = super().clean()
        ignored = []
        choices = []
        for facet in self.facets:
            keys = self.chosen_keys(facet, data.get(facet.name) or [], ignored)
            if keys:
                choices.append((facet.name, keys))
        near = find_commune(data.get("near", ""))
        if data.get("near", "").strip() and near is None:
            ignored.append(_("Near"))
        served = bool(data.get("served")) and near is not None
        if data.get("served") and not data.get("near", "").strip():
            ignored.append(SERVED_LABEL)
        question = Question.parse(data.get("q", ""), self.language)
        sort = data.get("sort", "")
        if sort and sort not in SORTS:
            ignored.append(_("Sort by"))
        query = DirectoryQuery(
            choices=tuple(choices),
            question=question,
            near=near,
            served=served,
            page=parse_page_number(data.get("page") or 1),
            ignored=tuple(sorted({str(label) for label in ignored})),
        )
        if not (sort in SORTS and query.sort_available(sort)):
            sort = "relevance" if question.text else "distance" if served else "name"
        data["query"] = replace(query, sort=sort)
        return data

    @staticmethod
    def chosen_keys(facet, values, ignored):
        """The keys of the options named by ``values``; what is not an option is ignored."""
        if len(values) > MAX_VALUES_PER_FACET or (
            values and not facet.multiple and len(values) > 1
        ):
            ignored.append(facet.label)
        keys = []
        for value in values[: MAX_VALUES_PER_FACET if facet.multiple else 1]:
            option = facet.option(value)
            if option is None:
                ignored.append(facet.label)
            else:
                keys.append(option.key)
        return tuple(keys)


def read_query(params, facets, language):
    """The ``DirectoryQuery`` of a request's GET parameters, for a directory in ``language``."""
    form = DirectoryForm(params, facets, language)
    form.is_valid()  # every field is optional and lenient: the form is always valid
    return form.cleaned_data["query"]
