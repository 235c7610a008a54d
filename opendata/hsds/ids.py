"""Identifiers that stay the same from one call, export or language to the next.

Pages and snippets have a ``translation_key`` shared by all their translations: it is
the HSDS id of a service, an organisation, a location or a taxonomy term, so the French
and the English feeds describe the same records. Rows that have no key of their own (a
schedule, an address, a language spoken) get a name-based UUID (version 5) made from
their owner's id and what they are.
"""

import uuid

# Never change it: every derived id of every published feed depends on it.
NAMESPACE = uuid.UUID("1dcc31bf-5550-48b0-9e10-0d35dff17ed5")


def derived_id(*parts):
    """A UUID made from ``parts`` (ids, names, dates…): the same parts, the same id."""
    return str(uuid.uuid5(NAMESPACE, "\x1f".join(str(part) for part in parts)))


def key_of(instance):
    """The HSDS id of a page or translatable snippet: its translation key."""
    return str(instance.translation_key)
