"""Which services match a query's choices, and how many each option would leave.

Counts are disjunctive, as shops do: an option counts the services matching every
*other* facet's choices plus that option, so ticking a second theme never shows zero.
Everything is set algebra over the kept memberships: no query.
"""

from dataclasses import dataclass


@dataclass(frozen=True)
class Counted:
    ids: frozenset  # services matching every choice
    counts: dict  # facet name -> option key -> count


def count(memberships, choices, base_ids):
    """``memberships``: facet name -> option key -> ids; ``choices``: facet name -> keys.

    ``base_ids`` are the services in play before any facet (all of them, or those
    matching the words searched for).
    """
    matched = {
        name: set().union(*(memberships[name].get(key, set()) for key in keys))
        for name, keys in choices.items()
    }

    def all_but(facet_name):
        ids = base_ids
        for name, match in matched.items():
            if name != facet_name:
                ids = ids & match
        return ids

    counts = {}
    for name, options in memberships.items():
        others = all_but(name)
        counts[name] = {key: len(others & members) for key, members in options.items()}
    return Counted(ids=frozenset(all_but(None)), counts=counts)
