"""LK008: an App without functions (a warning: only its queue is deployed)."""

from lambdakit import App, Queue

app = App(name="lk008", resources=[Queue(id="Inbox")])
