"""`Instance[X]`: a field that takes an `X` object as it is, checked with `isinstance` only.

pydantic's own `InstanceOf[X]` also builds X's full schema, for JSON input and serialisation,
which lambdakit never uses: a `Function` field typed `InstanceOf[Queue] | InstanceOf[Topic] | ...`
made the first `Function` of a run build the schema of every resource it could name.
Validation and its errors are the same (`is_instance_of`).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Annotated, Any, TypeVar

from pydantic import GetCoreSchemaHandler
from pydantic_core import core_schema

if TYPE_CHECKING:
    _T = TypeVar("_T")
    # Type checkers see `Instance[Queue]` as `Queue`.
    Instance = Annotated[_T, ...]
else:

    class Instance:
        """`Instance[X]`, a field holding an X (or a subclass) taken as it is."""

        __slots__ = ()

        def __class_getitem__(cls, item: Any) -> Any:
            return Annotated[item, cls()]

        @classmethod
        def __get_pydantic_core_schema__(
            cls, source: Any, handler: GetCoreSchemaHandler
        ) -> core_schema.CoreSchema:
            return core_schema.is_instance_schema(source)
