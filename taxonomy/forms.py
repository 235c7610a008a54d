"""Admin forms offer the taxonomies of the edited item's own language only.

Each language has its own copy of every taxonomy: without this, a French need would
offer the themes of all twelve languages, and a service hundreds of needs.
"""

from django.db.models import Q
from wagtail.admin.forms import WagtailAdminModelForm


def limit_to_locale(field, locale_id, keep=()):
    """Restricts a model choice ``field`` to ``locale_id``, keeping the ``keep`` pks
    already chosen (so saving never drops them silently)."""
    if field is not None and locale_id:
        field.queryset = field.queryset.filter(Q(locale_id=locale_id) | Q(pk__in=list(keep)))


class NeedForm(WagtailAdminModelForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        chosen = [self.instance.theme_id] if self.instance.theme_id else []
        limit_to_locale(self.fields.get("theme"), self.instance.locale_id, chosen)
