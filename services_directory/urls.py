"""/<language>/my-list/…: the resident's own list of services (services_directory.my_list)."""

from django.urls import path

from . import my_list

urlpatterns = [
    path("", my_list.my_list, name="my_list"),
    path("sheet/", my_list.my_list_sheet, name="my_list_sheet"),
]
