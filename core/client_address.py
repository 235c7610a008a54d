"""The visitor's address, as the reverse proxy passes it.

Behind a reverse proxy every request comes from the proxy: it passes the visitor's
address in a header it overwrites (``CLIENT_IP_HEADER``, e.g. ``HTTP_X_REAL_IP``). The
header is trusted only when it is configured, so a visitor cannot choose their address by
sending it. Used to rate-limit the residents' forms and to lock out repeated failed sign-ins.
"""

from django.conf import settings


def client_address(request):
    header = settings.CLIENT_IP_HEADER
    return (header and request.META.get(header)) or request.META.get("REMOTE_ADDR", "")
