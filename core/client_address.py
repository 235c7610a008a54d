"""The visitor's address, as the reverse proxy passes it: the one place that decides it.

Behind a reverse proxy every request comes from the proxy: it passes the visitor's
address in a header it overwrites (``CLIENT_IP_HEADER``, e.g. ``HTTP_X_REAL_IP``). The
header is believed only on a connection from one of ``TRUSTED_PROXIES`` (addresses or
networks): from anywhere else it is what the visitor chose to send, and the connection's
own address (``REMOTE_ADDR``) is used. A list such as ``X-Forwarded-For`` is read from
the right: the first address that is not a trusted proxy is the visitor's.

Used to rate-limit the residents' forms and to lock out repeated failed sign-ins. Behind
a proxy that is not trusted, every visitor has the proxy's address, and shares its limits.
"""

import ipaddress
from functools import lru_cache

from django.conf import settings
from django.core import checks


@lru_cache(maxsize=8)
def _networks(proxies):
    return tuple(ipaddress.ip_network(proxy, strict=False) for proxy in proxies)


def parse(value):
    """An address (``ipaddress`` object) from a header or ``REMOTE_ADDR``; None if it is
    not one. IPv4 addresses written as IPv6 (``::ffff:192.0.2.1``) are read as IPv4."""
    try:
        address = ipaddress.ip_address(value.strip())
    except ValueError:
        return None
    return getattr(address, "ipv4_mapped", None) or address


def is_trusted_proxy(address):
    return address is not None and any(
        address in network for network in _networks(tuple(settings.TRUSTED_PROXIES))
    )


def forwarded_address(value):
    """The visitor's address in the proxy's header: the last one not a trusted proxy."""
    addresses = [parse(item) for item in value.split(",")]
    if not addresses or None in addresses:
        return None  # not what a proxy writes: believe none of it
    for address in reversed(addresses):
        if not is_trusted_proxy(address):
            return address
    return addresses[0]


def client_address(request):
    remote = request.META.get("REMOTE_ADDR", "")
    header = settings.CLIENT_IP_HEADER
    connection = parse(remote)
    if header and is_trusted_proxy(connection):
        forwarded = forwarded_address(request.META.get(header, ""))
        if forwarded is not None:
            return str(forwarded)
    return str(connection) if connection is not None else remote


def check_proxy_settings(app_configs, **kwargs):
    """Half a configuration is a mistake: the header alone is never believed, and trusted
    proxies without a header say nothing."""
    if settings.CLIENT_IP_HEADER and not settings.TRUSTED_PROXIES:
        return [
            checks.Warning(
                f"CLIENT_IP_HEADER ({settings.CLIENT_IP_HEADER}) is ignored: TRUSTED_PROXIES "
                "is empty.",
                hint="List the reverse proxy's addresses in TRUSTED_PROXIES (e.g. 127.0.0.1), "
                "or every visitor shares the proxy's rate limits.",
                id="core.W001",
            )
        ]
    if settings.TRUSTED_PROXIES and not settings.CLIENT_IP_HEADER:
        return [
            checks.Warning(
                "TRUSTED_PROXIES is set but CLIENT_IP_HEADER is empty.",
                hint="Name the header the proxy sets, e.g. HTTP_X_REAL_IP for X-Real-IP.",
                id="core.W002",
            )
        ]
    return []
