"""/kiosk/…: addresses without a language (start, language choice, exit, worker)."""

from django.urls import path

from . import views

app_name = "kiosk"

urlpatterns = [
    path("", views.languages, name="languages"),
    path("exit/", views.leave, name="exit"),
    path("sw.js", views.service_worker, name="service_worker"),
    path("<slug:slug>/", views.start, name="start"),
]
