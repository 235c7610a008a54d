"""Open Referral's Human Services Data Specification (HSDS 3.0), read-only, at
``/api/hsds/v3/``: services, organisations, places and taxonomies of one language.

``ids`` makes stable identifiers, ``feed`` chooses and filters the records of a
language, ``serializers`` turns them into HSDS objects and ``documents`` a page of them
at a time (for the API and ``export_open_data``), ``params`` reads query parameters,
``views`` answers requests.
"""
