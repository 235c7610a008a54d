"""The services directory (``/fr/services/``): facets with counts, words, order, pages.

- ``query``: the address read by a Django form into an immutable ``DirectoryQuery``;
- ``facets``: the facets, their options in a language, which services have each;
- ``memberships``: those memberships, kept in each process until the next edit;
- ``counting``: the services matching the choices, and disjunctive counts;
- ``ordering``: name, relevance, distance, next opening;
- ``listing``: one request, from the address to the template's context.

The directory page (``models.index.ServiceIndexPage``) uses ``listing``; nothing here
imports the page models' package, only the modules below it.
"""
