"""Tamil: Django's own module, except the time of day.

Django's Tamil catalogue has no AM/PM markers, so its "g:i A" fell back to French
("2:30 Après-midi"); the 24-hour clock needs no words.
"""

TIME_FORMAT = "H:i"
