"""LK014: an App with neither functions nor resources (SAM refuses an empty template)."""

from lambdakit import App

app = App(name="lk014")
