"""Open Referral's Human Services Data Specification (HSDS 3.0), read-only, at
``/api/hsds/v3/``: services, organisations, places and taxonomies of one language.

``ids`` makes stable identifiers, ``feed`` chooses the records of a language,
``serializers`` turns them into HSDS objects, ``views`` answers requests.
"""
