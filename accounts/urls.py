from django.urls import path

from . import views

app_name = "accounts"
urlpatterns = [
    path("", views.manage, name="manage"),
    path("verify/", views.verify, name="verify"),
    path("set-up/", views.enrol, name="enrol"),
]
