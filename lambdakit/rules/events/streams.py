"""Kinesis and DynamoDB stream sources: ranges, starting positions, bounded failure handling,
and a table that really has a stream."""

from __future__ import annotations

import datetime as dt
import re

from lambdakit.events import DynamoDbStreamEvent, KinesisEvent, StreamSource
from lambdakit.events.streams import DEFAULT_RECORD_AGE_S, DEFAULT_RETRY_ATTEMPTS
from lambdakit.limits import quotas as q
from lambdakit.limits.naming import NAME_RULES
from lambdakit.model import EventSource, Function
from lambdakit.rules.context import RuleContext
from lambdakit.rules.events.common import check_failure_path, check_filters

# arn:aws:dynamodb:REGION:ACCOUNT:table/NAME/stream/LABEL
TABLE_STREAM_ARN = re.compile(
    rf"^arn:aws[a-z-]*:dynamodb:[a-z0-9-]+:\d{{12}}:table/"
    rf"(?P<table>[A-Za-z0-9_.-]{{3,{NAME_RULES['table'].max_chars}}})"
    r"/stream/[0-9T:.-]+$")


def check_stream_event(ctx: RuleContext, fn: Function, source: StreamSource) -> None:
    _check_batching(ctx, source)
    _check_starting_position(ctx, source)
    _check_failure_handling(ctx, fn, source)
    low, high = 1, q.STREAM_PARALLELIZATION_MAX.value
    if not low <= source.parallelization <= high:
        ctx.report("LK324", source,
                   f"parallelization must be {low}–{high} (got {source.parallelization})",
                   f"concurrent batches per shard; {q.STREAM_PARALLELIZATION_MAX.source}")
    window = source.tumbling_window
    if window is not None and not 0 <= window <= q.STREAM_TUMBLING_WINDOW_MAX_S.value:
        ctx.report("LK324", source,
                   f"tumbling_window must be 0–{q.STREAM_TUMBLING_WINDOW_MAX_S.value} s "
                   f"(got {window})", q.STREAM_TUMBLING_WINDOW_MAX_S.source)
    check_filters(ctx, source, source.filters)
    if isinstance(source, DynamoDbStreamEvent):
        _check_table_stream(ctx, source)
    if isinstance(source, KinesisEvent) and source.consumer is not None:
        _check_consumer(ctx, source)


def _check_consumer(ctx: RuleContext, source: KinesisEvent) -> None:
    consumer, stream = source.consumer, source.stream
    assert consumer is not None
    if consumer.broken or stream.broken:
        return
    if consumer.existing_name is not None:
        ctx.report("LK328", source,
                   f"{consumer.id} is referenced by name: a consumer's ARN ends in its creation "
                   "time, which only Kinesis knows",
                   "StreamConsumer.existing(arn=...) with the ARN `aws kinesis "
                   "describe-stream-consumer` prints")
    elif consumer.existing_arn is not None:
        stream_name = stream.name or stream.existing_name or (
            stream.existing_arn.rsplit("/", 1)[-1] if stream.existing_arn else None)
        if stream_name and f":stream/{stream_name}/consumer/" not in consumer.existing_arn:
            ctx.report("LK328", source,
                       f"{consumer.id} is a consumer of another stream than {stream.id}",
                       f"pass a consumer of {stream.id}, or KinesisEvent(stream=...) of the "
                       "consumer's own stream")
    elif consumer.stream is not None and consumer.stream is not stream:
        ctx.report("LK328", source,
                   f"{consumer.id} consumes {consumer.stream.id}, not {stream.id}",
                   f"StreamConsumer(id=..., stream={stream.id}), or the event's stream="
                   f"{consumer.stream.id}")


def _check_batching(ctx: RuleContext, source: StreamSource) -> None:
    most = q.STREAM_BATCH_SIZE_MAX.value
    if not 1 <= source.batch_size <= most:
        ctx.report("LK320", source, f"batch_size must be 1–{most} (got {source.batch_size})",
                   f"set batch_size={min(max(source.batch_size, 1), most)}; "
                   f"{q.STREAM_BATCH_SIZE_MAX.source}")
    window_max = q.BATCHING_WINDOW_MAX_S.value
    if not 0 <= source.batching_window <= window_max:
        ctx.report("LK320", source,
                   f"batching_window must be 0–{window_max} s (got {source.batching_window})",
                   q.BATCHING_WINDOW_MAX_S.source)


def _check_starting_position(ctx: RuleContext, source: StreamSource) -> None:
    if source.starting_position == "AT_TIMESTAMP" and isinstance(source, DynamoDbStreamEvent):
        ctx.report("LK321", source,
                   "DynamoDB Streams start only at TRIM_HORIZON or LATEST, not AT_TIMESTAMP",
                   "use TRIM_HORIZON (every record still in the stream, up to 24 hours) or "
                   f"LATEST; {q.LAMBDA_CREATE_ESM}")
    else:
        check_starting_timestamp(ctx, source, source.starting_position,
                                 source.starting_timestamp)


def check_starting_timestamp(ctx: RuleContext, source: EventSource, position: str,
                             moment: dt.datetime | None) -> None:
    """AT_TIMESTAMP and a timezone-aware starting_timestamp go together."""
    if position == "AT_TIMESTAMP" and moment is None:
        ctx.report("LK321", source, "starting_position='AT_TIMESTAMP' needs a starting_timestamp",
                   "starting_timestamp=datetime.datetime(2026, 1, 1, tzinfo=datetime.UTC)")
    elif position != "AT_TIMESTAMP" and moment is not None:
        ctx.report("LK321", source,
                   f"starting_timestamp is used only with AT_TIMESTAMP (starting_position is "
                   f"{position!r})", "set starting_position='AT_TIMESTAMP', or remove "
                   "starting_timestamp")
    elif moment is not None and moment.tzinfo is None:
        ctx.report("LK321", source,
                   "starting_timestamp has no time zone, so the moment it names depends on "
                   "the machine that synthesises", "pass an aware datetime, e.g. "
                   "tzinfo=datetime.UTC")


def _check_failure_handling(ctx: RuleContext, fn: Function, source: StreamSource) -> None:
    retries, age = source.maximum_retry_attempts, source.maximum_record_age
    most = q.STREAM_RETRY_ATTEMPTS_MAX.value
    if not -1 <= retries <= most:
        ctx.report("LK322", source,
                   f"maximum_retry_attempts must be -1–{most} (got {retries})",
                   f"a few retries are enough with bisect_on_error (lambdakit's default is "
                   f"{DEFAULT_RETRY_ATTEMPTS}); {q.STREAM_RETRY_ATTEMPTS_MAX.source}")
    youngest, oldest = q.STREAM_RECORD_AGE_MIN_S.value, q.STREAM_RECORD_AGE_MAX_S.value
    if age != -1 and not youngest <= age <= oldest:
        ctx.report("LK322", source,
                   f"maximum_record_age must be {youngest}–{oldest} s or -1 (got {age})",
                   f"set maximum_record_age={min(max(age, youngest), oldest)} or more, up to a "
                   f"week; {q.STREAM_RECORD_AGE_MIN_S.source}")
    unbounded = [name for name, value in (("maximum_retry_attempts", retries),
                                          ("maximum_record_age", age)) if value == -1]
    if unbounded:
        ctx.report("LK323", source,
                   f"{' and '.join(unbounded)} = -1: a record the function cannot process is "
                   "retried until it expires, and its shard waits behind it",
                   f"bound them (lambdakit's defaults: {DEFAULT_RETRY_ATTEMPTS} retries, "
                   f"{DEFAULT_RECORD_AGE_S} s), or acknowledge "
                   f"LK323 on {fn.id} with the reason; {q.LAMBDA_KINESIS_ERRORS}", owner=fn)
    check_failure_path(ctx, fn, source, source.on_failure,
                       "records Lambda gives up on are skipped, with no trace of which they were")


def _check_table_stream(ctx: RuleContext, source: DynamoDbStreamEvent) -> None:
    table, arn = source.table, source.stream_arn
    if table.broken:
        return
    if table.is_existing:
        if arn is None:
            ctx.report("LK326", source,
                       f"{table.id} is an existing table: its stream's ARN cannot be derived",
                       "pass stream_arn= (the table's LatestStreamArn, from `aws dynamodb "
                       "describe-table`)")
            return
        match = TABLE_STREAM_ARN.match(arn)
        if match is None:
            ctx.report("LK010", source, f"stream_arn {arn!r} is not a DynamoDB stream ARN",
                       "arn:aws:dynamodb:REGION:ACCOUNT:table/NAME/stream/LABEL")
        elif table.existing_name not in (None, match["table"]) or (
                table.existing_arn is not None
                and not arn.startswith(table.existing_arn + "/stream/")):
            ctx.report("LK010", source,
                       f"stream_arn {arn!r} is the stream of another table than {table.id}",
                       "pass the stream ARN of this very table")
        return
    if arn is not None:
        ctx.report("LK326", source,
                   f"stream_arn is only for existing tables: {table.id} is owned, so its "
                   "stream's ARN comes from the template", "remove stream_arn")
    if table.stream is None:
        ctx.report("LK326", source,
                   f"{table.id} has no stream: there is nothing for Lambda to read",
                   f"set stream= on {table.id} to the view the handler needs: "
                   "'NEW_AND_OLD_IMAGES', 'NEW_IMAGE', 'OLD_IMAGE' or 'KEYS_ONLY'")


# How rules/events finds this family's checks.
check_source = check_stream_event
