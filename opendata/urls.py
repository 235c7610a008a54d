from django.urls import path

from . import views

urlpatterns = [
    path("sitemap.xml", views.sitemap_index, name="sitemap_index"),
    path("sitemap-<str:language>.xml", views.sitemap_language, name="sitemap_language"),
    path("robots.txt", views.robots, name="robots"),
]
