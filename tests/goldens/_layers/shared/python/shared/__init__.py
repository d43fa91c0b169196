"""Shared helpers packaged as a layer (golden fixture)."""

GREETING = "hello"
