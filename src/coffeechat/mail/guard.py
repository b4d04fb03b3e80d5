"""Where a hosted Coffeechat may open an SMTP connection for a user.

A user types any server name into their mail settings, and "send me a test" connects to it from
the Coffeechat server: without a guard that is a way to probe the campus network (a database
port answers "timed out" where a closed one answers "refused"). In hosted mode a mail server must
therefore resolve only to public addresses and use a mail port, unless the operator allows more
(COFFEECHAT_SMTP_PORTS, COFFEECHAT_SMTP_ALLOWED_NETWORKS). Local mode trusts its one user, who may
well run a mail server on their own computer.
"""

import ipaddress
import smtplib
import socket

from django.conf import settings


class MailServerRefused(OSError):
    """The server is not one Coffeechat will connect to; the message says why, in plain words."""


def _allowed_networks():
    return [ipaddress.ip_network(net, strict=False) for net in settings.SMTP_ALLOWED_NETWORKS]


def _refusal(address) -> str | None:
    if any(address in net for net in _allowed_networks()):
        return None
    if address.is_loopback:
        return "a loopback address (this server itself)"
    if address.is_link_local:
        return "a link-local address"
    if address.is_private or address.is_reserved or address.is_unspecified or address.is_multicast \
            or not address.is_global:
        return "a private or reserved address"
    return None


def check_port(port: int) -> None:
    if settings.LOCAL_MODE:
        return
    allowed = settings.SMTP_ALLOWED_PORTS
    if port not in allowed:
        ports = ", ".join(str(p) for p in allowed)
        raise MailServerRefused(f"Port {port} is not a mail port here; use one of {ports} "
                                "(587 for STARTTLS, 465 for SSL/TLS).")


def vetted_addresses(host: str, port: int) -> list[str]:
    """The addresses `host` resolves to, every one checked; raises MailServerRefused.

    In local mode the host is returned as it is, unresolved."""
    if settings.LOCAL_MODE:
        return [host]
    check_port(port)
    try:
        infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    except (socket.gaierror, UnicodeError):
        raise MailServerRefused(f"The server name {host!r} could not be found.") from None
    addresses = []
    for info in infos:
        text = info[4][0]
        address = ipaddress.ip_address(text.split("%", 1)[0])
        reason = _refusal(address)
        if reason:
            raise MailServerRefused(f"{host} is {reason} ({address}); Coffeechat only connects to "
                                    "mail servers on the internet.")
        if text not in addresses:
            addresses.append(text)
    if not addresses:
        raise MailServerRefused(f"The server name {host!r} could not be found.")
    return addresses


def check_server(host: str, port: int) -> None:
    """Raise MailServerRefused when a hosted Coffeechat must not connect to host:port."""
    vetted_addresses(host, port)


class _Guarded:
    """Connect only to an address checked at connection time (a name that changes its answer
    between saving and sending gains nothing); TLS still verifies the name the user typed."""

    def _get_socket(self, host, port, timeout):
        last_error = None
        for address in vetted_addresses(host, port):
            try:
                return super()._get_socket(address, port, timeout)
            except OSError as exc:
                last_error = exc
        raise last_error


class GuardedSMTP(_Guarded, smtplib.SMTP):
    pass


class GuardedSMTPSSL(_Guarded, smtplib.SMTP_SSL):
    pass
