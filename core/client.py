"""Who is asking: the address of the person, not of the site's own proxy.

Behind a proxy every request arrives from the proxy's address, so limits kept per address
would lump all visitors together. Each proxy appends the address it received the request from
to `X-Forwarded-For`; only those entries can be believed, and only when the site is told which
proxies are its own. Anything further left in the header came from the visitor and may be
forged, so it is never used.

The site is told by the environment (docs/deploy.md, "The proxy"):

- `TRUSTED_PROXIES`: the proxies' addresses or networks. The request must come from one of them;
  then the header is read from the right, skipping the trusted hops, and the first address that
  is not a trusted proxy is the client's. Preferred: it holds even if the app server is reached
  directly.
- `TRUSTED_PROXY_COUNT`: how many proxies stand in front (nginx alone: 1; a load balancer and
  nginx: 2). The client is that many hops from the right. Use it only where the app servers
  cannot be reached except through the proxies.

With neither set (the default), the address is the connection's own (`REMOTE_ADDR`), and the
header is ignored. django-axes asks here too (`AXES_CLIENT_IP_CALLABLE`), so the admin's login
lockout and the form limits see the same person."""

import ipaddress
from functools import cache

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured

FORWARDED_HEADER = "HTTP_X_FORWARDED_FOR"


@cache
def _networks(entries):
    networks = []
    for entry in entries:
        try:
            networks.append(ipaddress.ip_network(entry.strip(), strict=False))
        except ValueError as error:
            raise ImproperlyConfigured(
                f"TRUSTED_PROXIES holds {entry!r}, which is not an address or a network."
            ) from error
    return tuple(networks)


def trusted_networks():
    return _networks(tuple(getattr(settings, "TRUSTED_PROXIES", ())))


def parse_address(value):
    """An address as one canonical string (IPv4 inside IPv6 unwrapped), or None if `value`
    is not an address."""
    try:
        address = ipaddress.ip_address(value.strip().strip("[]"))
    except ValueError:
        return None
    if address.version == 6 and address.ipv4_mapped:
        address = address.ipv4_mapped
    return str(address)


def _is_trusted(address, networks):
    parsed = ipaddress.ip_address(address)
    return any(parsed in network for network in networks)


def client_address(request):
    """The visitor's address as the site's own proxies saw it (see the module's docstring)."""
    remote = parse_address(request.META.get("REMOTE_ADDR", "")) or ""
    networks = trusted_networks()
    count = getattr(settings, "TRUSTED_PROXY_COUNT", 0)
    if not remote or not (networks or count):
        return remote
    if networks and not _is_trusted(remote, networks):
        # Not from one of our proxies: whatever the header says was written by the visitor.
        return remote
    hops = [parse_address(hop) for hop in request.META.get(FORWARDED_HEADER, "").split(",")]
    chain = [*hops, remote]
    if networks:
        for hop in reversed(chain):
            if hop is None:
                # Garbage where a trusted proxy would have written an address: the proxy did
                # not write it, so stop at the last address a proxy did vouch for.
                break
            if not _is_trusted(hop, networks):
                return hop
        return remote
    # TRUSTED_PROXY_COUNT: the proxy nearest to us is the connection itself.
    if len(chain) > count and chain[-(count + 1)] is not None:
        return chain[-(count + 1)]
    return remote
