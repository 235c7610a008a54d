"""English as read in Geneva and the Hauts-de-Seine, not in the United States.

Django's "en" writes short dates month first: 03/02/2026 would be read as 3 February by
residents used to European dates. Day first, and weeks starting on Monday.
"""

DATE_FORMAT = "j F Y"
SHORT_DATE_FORMAT = "d/m/Y"
SHORT_DATETIME_FORMAT = "d/m/Y P"
DATETIME_FORMAT = "j F Y, P"
FIRST_DAY_OF_WEEK = 1
DATE_INPUT_FORMATS = ["%d/%m/%Y", "%Y-%m-%d"]
