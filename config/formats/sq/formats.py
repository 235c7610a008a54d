"""Albanian: Django's own module, except the time of day.

Django's "g.i.A" printed "2.30.PM"; Albanian residents read the 24-hour "14:30".
"""

TIME_FORMAT = "H:i"
