"""/<language>/open-data/: what others may reuse, under which licence, and where."""

from django.urls import path

from . import views

urlpatterns = [
    path("", views.open_data, name="open_data"),
]
