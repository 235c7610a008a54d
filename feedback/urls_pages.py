"""What residents do from a service page: send it to their phone, say if it helped."""

from django.urls import path

from . import views

urlpatterns = [
    path("send-to-phone/<int:page_id>/", views.send_to_phone, name="send_to_phone"),
    path("send-to-phone/<int:page_id>/sent/", views.send_to_phone_sent, name="send_to_phone_sent"),
    path("helpful/<int:page_id>/", views.page_helpful, name="page_helpful"),
    path("helpful/<int:page_id>/thanks/", views.page_helpful_thanks, name="page_helpful_thanks"),
    path("helpful/<int:page_id>/reason/", views.page_helpful_reason, name="page_helpful_reason"),
]
