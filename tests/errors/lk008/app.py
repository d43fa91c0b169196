"""LK008: an App without functions (a warning: the template deploys nothing)."""

from lambdakit import App

app = App(name="lk008")
