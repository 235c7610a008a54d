from django.urls import path

from . import views

urlpatterns = [
    path("", views.report_problem, name="report_problem"),
    path("thanks/", views.report_thanks, name="report_problem_thanks"),
]
