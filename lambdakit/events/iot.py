"""AWS IoT: a topic rule whose SQL selects MQTT messages and invokes the function with each."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Literal

from lambdakit.model import Binding, EventSource

if TYPE_CHECKING:
    from lambdakit.model import Function

SqlVersion = Literal["2015-10-08", "2016-03-23", "beta"]
DEFAULT_SQL_VERSION: SqlVersion = "2016-03-23"  # the newest of IoT's rule SQL versions


class IotRuleEvent(EventSource):
    """Messages that `sql` selects (`SELECT * FROM 'sensors/#'`). The event is whatever the
    SELECT produces: a JSON object of the selected fields, not a wrapper with metadata. Lambda is
    invoked asynchronously."""

    sam_type = "IoTRule"
    invocation = "async"

    sql: str
    aws_iot_sql_version: SqlVersion = DEFAULT_SQL_VERSION

    def default_name(self) -> str:
        return "IotRule"

    def derived_ids(self, fn: Function) -> list[str | None]:
        # The rule itself and its invoke permission, scoped to the rule's ARN and account.
        return [f"{fn.id}{self.event_name()}", f"{fn.id}{self.event_name()}Permission"]

    def bind(self, fn: Function) -> Binding:
        return Binding({"Sql": self.sql, "AwsIotSqlVersion": self.aws_iot_sql_version})

    def sample_event(self, fn: Function) -> dict[str, Any]:
        # `SELECT *` on a JSON message passes the message itself; SQL functions such as
        # topic() add fields under the names the SELECT gives them.
        return {"deviceId": "sensor-0001", "temperature": 21.5, "humidity": 48,
                "timestamp": 1767225600000}
