"""Coffeechat: a personal CRM for informational interviews."""

__version__ = "0.1.0"
