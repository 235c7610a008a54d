"""/<language>/kiosk/…: the kiosk screens in the visitor's chosen language."""

from django.urls import path

from . import views

urlpatterns = [
    path("", views.home, name="kiosk_home"),
    path("offline/", views.offline, name="kiosk_offline"),
    path("precache.json", views.precache, name="kiosk_precache"),
]
