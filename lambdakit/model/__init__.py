"""User-facing constructs. Imports pydantic and the standard library only."""

from lambdakit.model.app import App
from lambdakit.model.base import Construct
from lambdakit.model.function import Function
from lambdakit.model.logs import Logging
from lambdakit.model.refs import Ref

__all__ = ["App", "Construct", "Function", "Logging", "Ref"]
