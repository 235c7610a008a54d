"""The site's addresses as the development server has them (DEBUG adds media files)."""

from config.urls import media_patterns
from config.urls import urlpatterns as site_patterns

urlpatterns = media_patterns() + site_patterns
