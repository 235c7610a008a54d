"""Translated pages point at the taxonomies of their own language.

wagtail-localize copies many-to-many fields verbatim ("not supported yet"), so a page
translated into English would keep its French themes, audiences and access modes and
show their French names. Once such a page is published, each of these fields is pointed
at the translation of each snippet in the page's language, when it exists. Filters and
facets match taxonomies by ``translation_key``, so nothing else changes.
Aliases are left alone: they show French text, French names included.
"""

from modelcluster.fields import ParentalManyToManyField
from wagtail.models import TranslatableMixin
from wagtail.search import index

from core.i18n import is_source_language


def translatable_m2m_fields(model):
    return [
        field
        for field in model._meta.get_fields()
        if isinstance(field, ParentalManyToManyField)
        and issubclass(field.related_model, TranslatableMixin)
    ]


def localise_taxonomies(page):
    """Points ``page``'s taxonomy fields at their translations in its language."""
    if page.alias_of_id or is_source_language(page.locale.language_code):
        return
    changed = False
    for field in translatable_m2m_fields(type(page)):
        relation = getattr(page, field.name)
        current = list(relation.all())
        if all(item.locale_id == page.locale_id for item in current):
            continue
        translations = {
            item.translation_key: item
            for item in field.related_model.objects.filter(
                locale_id=page.locale_id,
                translation_key__in=[item.translation_key for item in current],
            )
        }
        localised = [translations.get(item.translation_key, item) for item in current]
        if localised != current:
            relation.set(localised)
            relation.commit()
            changed = True
    if changed:
        # The search index holds the taxonomy names: reindex with the translated ones.
        index.insert_or_update_object(page)


def on_page_published(sender, instance, **kwargs):
    localise_taxonomies(instance)
