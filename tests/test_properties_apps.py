"""Random apps over the whole public API, written as app files and run through the command line.

Every generated app either validates clean (the real SAM transform and cfn-lint find nothing),
or `lambdakit synth` fails with LK errors at exactly the lines where the generator put its
mistakes, each with the code the mistake must give, writes nothing, and never shows a
traceback (nor LK005, the loader's wrapper for an exception the app file raised: the files
written here raise none of their own).

Each construct is one line of the file, so a diagnostic's line says which construct it blames.
Valid pieces are chosen to be independent of each other (unique ids, a failure destination for
every asynchronously invoked function), so an error on a line without a mistake is a bug.
"""

from __future__ import annotations

import datetime as dt
import re
import string
from dataclasses import dataclass, field
from pathlib import Path
from typing import ClassVar

import pytest
from click.testing import CliRunner
from helpers import FIXED_DAY, examples
from hypothesis import given
from hypothesis import strategies as st
from test_properties import BAD_VALUES

from lambdakit.cli import cli

GOLDENS = Path(__file__).resolve().parent / "goldens"
CODE = str(GOLDENS / "_code")
LAYER_CODE = str(GOLDENS / "_layers" / "shared")
# The day runtimes are judged on, for the command line too (it reads SOURCE_DATE_EPOCH).
FIXED_EPOCH = str(int(dt.datetime(FIXED_DAY.year, FIXED_DAY.month, FIXED_DAY.day,
                                  tzinfo=dt.UTC).timestamp()))
ACCOUNT = "123456789012"
DIAGNOSTIC = re.compile(
    r"^(?P<file>[^\s:]+):(?P<line>\d+): (?P<level>error|warning) (?P<code>LK\d+)", re.MULTILINE)
# One of each per function: two of a kind would share an event name (LK300).
EVENT_KINDS = ["sqs", "kinesis", "dynamodb", "rest", "http", "url", "s3", "sns", "eventbridge",
               "schedule", "iot", "logs", "cognito", "alexa"]
# Reported while the file runs, by the construct itself (lambdakit/model/base.py).
CONSTRUCTION = {"LK001", "LK002"}


@dataclass
class AppSource:
    """An app file being written: one construct per line, and the mistakes put in it."""

    lines: list[str] = field(default_factory=lambda: [
        "import datetime as dt",
        "from lambdakit import *",
        "from lambdakit.events import *",
    ])
    mistakes: dict[int, set[str]] = field(default_factory=dict)  # line -> codes it must give
    count: int = 0

    def add(self, expression: str, *mistakes: str | None) -> str:
        """Write `name = expression` on a line of its own, with the codes of the mistakes put
        in it; return the name."""
        self.count += 1
        name = f"v{self.count}"
        self.lines.append(f"{name} = {expression}")
        codes = {code for code in mistakes if code}
        if codes:
            self.mistakes[len(self.lines)] = codes
        return name

    def uid(self, kind: str) -> str:
        return f"{kind}{self.count + 1}"

    @property
    def text(self) -> str:
        return "\n".join(self.lines) + "\n"


def _kwargs(**values: str) -> str:
    return ", ".join(f"{k}={v}" for k, v in values.items() if v)


class Writer:
    """Draws the pieces of one app. `mistakes` is how likely each piece is written wrong."""

    def __init__(self, draw: st.DrawFn, mistakes: bool) -> None:
        self.draw = draw
        self.mistakes = mistakes
        self.source = AppSource()
        self.app_mistakes: set[str] = set()
        self.failing_safely: list[str] = []  # functions with an on_failure destination

    def wrong(self) -> bool:
        return self.mistakes and self.draw(st.integers(0, 9)) == 0

    def pick(self, valid: list[str], invalid: list[tuple[str, str]]) -> tuple[str, str | None]:
        """One argument list: a valid one, or (now and then) a wrong one with its code."""
        if invalid and self.wrong():
            return self.draw(st.sampled_from(invalid))
        return self.draw(st.sampled_from(valid)), None

    # Resources -------------------------------------------------------------------------
    def key(self) -> str:
        if self.wrong():
            # A key is named by its ARN (IAM grants on the key, never an alias): LK201, also
            # when a grant needs its ARN (decrypt(), a queue or topic it encrypts), which
            # once raised KeyError.
            return self.source.add('Key.existing(name="alias/legacy")', "LK201")
        return self.source.add(f'Key(id="{self.source.uid("Key")}")')

    def queue(self, fifo: bool = False) -> str:
        key = f", key={self.key()}" if self.draw(st.booleans()) else ""
        args, mistake = self.pick(
            ["", ", retention=1_209_600", ", max_receive_count=5"],
            [(", visibility_timeout=50_000", "LK204"), (', name="has space"', "LK202")])
        fifo_args = ", fifo=True" if fifo else ""
        return self.source.add(
            f'Queue(id="{self.source.uid("Queue")}"{fifo_args}{key}{args})', mistake)

    def resource(self) -> tuple[str, str]:
        """Any resource and the kind of it."""
        kind = self.draw(st.sampled_from(
            ["Queue", "Topic", "Bucket", "Table", "Stream", "EventBus", "Secret", "Parameter",
             "Key", "existing"]))
        uid = self.source.uid(kind)
        if kind == "Queue":
            return self.queue(), kind
        if kind == "Key":
            return self.key(), kind
        if kind == "existing":
            kind, expression = self.draw(st.sampled_from([
                ("Queue", f'Queue.existing(arn="arn:aws:sqs:us-east-1:{ACCOUNT}:legacy")'),
                ("Table", 'Table.existing(name="legacy-items")'),
                ("Bucket", 'Bucket.existing(name="legacy-files")'),
                ("Topic", f'Topic.existing(arn="arn:aws:sns:us-east-1:{ACCOUNT}:legacy")'),
            ]))
            return self.source.add(expression), kind
        valid, invalid = {
            "Topic": ([""], [(', name="has space"', "LK202")]),
            "Bucket": (["", ", without_versioning=\"rebuilt from the source nightly\""],
                       [(', name="Upper_Case"', "LK202"), (", versioned=False", "LK213")]),
            "Table": ([', partition_key="pk"', ', partition_key="pk", sort_key="sk"',
                       ', partition_key="pk", stream="NEW_IMAGE"'], [("", "LK209")]),
            "Stream": (["", ", shards=2"], [(", shards=0", "LK204")]),
            "EventBus": ([""], []),
            "Secret": ([""], []),
            "Parameter": ([', value="{}"'], [("", "LK209")]),
        }[kind]
        args, mistake = self.pick(valid, invalid)
        return self.source.add(f'{kind}(id="{uid}"{args})', mistake), kind

    GRANTS: ClassVar[dict[str, list[str]]] = {
              "Queue": ["send()", "consume()"], "Topic": ["publish()"],
              "Bucket": ["read()", 'write(prefix="out/")', "delete()"],
              "Table": ["read()", "write()", "read_write()"], "Stream": ["read()", "write()"],
              "EventBus": ["put()"], "Secret": ["read()"], "Parameter": ["read()"],
              "Key": ["encrypt()", "decrypt()"]}

    # A function ------------------------------------------------------------------------
    def function(self, index: int) -> str:
        fields: dict[str, str] = {}
        mistakes: dict[str, str] = {}  # field -> the code its wrong value gives
        grants = []
        environment: dict[str, str] = {}
        for n in range(self.draw(st.integers(0, 3))):
            resource, kind = self.resource()
            chosen = self.draw(st.lists(st.sampled_from(self.GRANTS[kind]), unique=True,
                                        max_size=2))
            grants += [f"{resource}.{grant}" for grant in chosen]
            if not chosen or self.draw(st.booleans()):  # an app holds what is referenced
                environment[f"R{n}"] = resource
        if self.draw(st.booleans()):
            text = self.draw(st.text(string.ascii_letters + " -", max_size=12))
            # Values that are not strings were reported as crashing; they must be LK001.
            environment["MODE"], mistakes["environment"] = self.pick(
                [repr(text)], [(repr(value), "LK001") for value in (1, 2.5, None, True)])
        statements = []
        if self.draw(st.booleans()):
            reason, code = self.pick(['"Textract has no resource type"'],
                                     [('"   "', "LK212"), ('""', "LK212")])
            statements.append(self.source.add(
                f'Statement(actions=["textract:AnalyzeDocument"], resources=["*"], '
                f'reason={reason}, acknowledge={{"LK211": "reviewed"}})', code))
        kinds = self.draw(st.lists(st.sampled_from(EVENT_KINDS), unique=True, max_size=2))
        events = [self.event(kind) for kind in kinds]
        acknowledge = {}
        asynchronous = any(pushed for _, pushed in events)
        if asynchronous or self.draw(st.booleans()):
            fields["on_failure"] = self.destination()
            if not asynchronous:
                acknowledge["LK384"] = "invoked asynchronously from outside the app"
            if self.draw(st.booleans()):
                fields["on_success"] = self.destination()
        if self.draw(st.booleans()):
            retention, mistake = self.pick(["7", "30", "365"], [("45", "LK150")])
            fields["logging"] = self.source.add(
                f'Logging(format="JSON", application_level="INFO", retention_days={retention})',
                mistake)
        if self.draw(st.booleans()):
            fields["layers"] = "[" + ", ".join(self.layers()) + "]"
        if self.draw(st.booleans()):
            subnets = [f'"subnet-{n:017x}"' for n in range(2)]
            fields["vpc"] = self.source.add(
                f'Vpc(subnet_ids=[{", ".join(subnets)}], security_group_ids=["sg-{index:017x}"])')
            acknowledge["LK412"] = "the subnets have the endpoints it needs"
        if self.draw(st.booleans()):
            fields["alias"] = '"live"'
            if self.draw(st.booleans()):
                fields["deployment"] = self.deployment()
            if self.draw(st.booleans()):
                fields["provisioned_concurrency"] = str(self.draw(st.integers(1, 5)))
        fields.update(
            grants="[" + ", ".join(grants) + "]" if grants else "",
            environment="{" + ", ".join(f"{k!r}: {v}" for k, v in environment.items()) + "}"
            if environment else "",
            statements="[" + ", ".join(statements) + "]" if statements else "",
            events="[" + ", ".join(name for name, _ in events) + "]" if events else "",
            acknowledge=repr(acknowledge) if acknowledge else "",
            memory=str(self.draw(st.integers(128, 10_240))),
            # An API gives up after 29 s (REST) or 30 s (HTTP): a longer timeout is LK341.
            timeout=str(self.draw(st.integers(1, 29 if {"rest", "http"} & set(kinds) else 60))),
        )
        if self.wrong():
            # A layer's compatibility would be judged against a wrong package too, provisioned
            # concurrency against a wrong reservation (LK435); a wrong environment would drop
            # the references (and mistakes) of the one drawn.
            taken = ({"code", "handler", "runtime", "architecture"} if "layers" in fields
                     else set()) | ({"environment"} if environment else set()) | (
                {"reserved_concurrency"} if "provisioned_concurrency" in fields else set())
            name, values, code = self.draw(st.sampled_from(
                [bad for bad in BAD_VALUES if bad[0] not in taken]))
            value = self.draw(values)
            fields[name], mistakes[name] = repr(value), code
            if name == "reserved_concurrency" and value > 0:
                # More than the account can reserve is the App's total: reported at its line.
                self.app_mistakes.add(mistakes.pop(name))
        base = {"id": f'"Fn{index}"', "handler": '"svc.handler.handle"', "code": repr(CODE),
                "runtime": '"python3.13"'}
        name = self.source.add(f"Function({_kwargs(**{**base, **fields})})",
                               *mistakes.values())
        if "on_failure" in fields:
            self.failing_safely.append(name)
        return name

    def destination(self) -> str:
        kind = self.draw(st.sampled_from(["Queue", "Topic", "EventBus", "function"]))
        # A function as destination is invoked asynchronously: it needs one of its own (LK380).
        if kind == "function" and self.failing_safely:
            return self.draw(st.sampled_from(self.failing_safely))
        if kind in ("Queue", "function"):
            return self.queue()
        return self.source.add(f'{kind}(id="{self.source.uid(kind)}")')

    def layers(self) -> list[str]:
        found = []
        if self.draw(st.booleans()):
            found.append(self.source.add(
                f'Layer(id="{self.source.uid("Layer")}", code={LAYER_CODE!r}, '
                f'compatible_runtimes=["python3.13"], compatible_architectures=["arm64"])'))
        arn, mistake = self.pick(
            [f"arn:aws:lambda:us-east-1:{ACCOUNT}:layer:shared:3"],
            [(f"arn:aws:lambda:us-east-1:{ACCOUNT}:layer:shared", "LK203")])
        found.append(self.source.add(
            f'Layer.existing(arn="{arn}", compatible_architectures=["arm64"])', mistake))
        return found

    def deployment(self) -> str:
        shape, mistake = self.pick(
            ["Canary(percent=10, minutes=5)", "Linear(percent=20, every_minutes=2)",
             "AllAtOnce()"],
            [("Canary(percent=0, minutes=5)", "LK441"), ("Linear(percent=10, every_minutes=0)",
                                                         "LK441")])
        return self.source.add(shape, mistake)

    def event(self, kind: str) -> tuple[str, bool]:
        """An event source on its own line, and whether it invokes asynchronously."""
        if kind == "sqs":
            args, mistake = self.pick(["", ", batch_size=50, batching_window=5"],
                                      [(", batch_size=20_000, batching_window=1", "LK310"),
                                       (", batching_window=301", "LK311")])
            return self.source.add(f"SqsEvent(queue={self.queue()}{args})", mistake), False
        if kind == "kinesis":
            stream = self.source.add(f'Stream(id="{self.source.uid("Stream")}")')
            args, mistake = self.pick(['"LATEST"', '"TRIM_HORIZON"'], [('"NOWHERE"', "LK001")])
            return self.source.add(
                f"KinesisEvent(stream={stream}, starting_position={args}, "
                f"on_failure={self.queue()})", mistake), False
        if kind == "dynamodb":
            table = self.source.add(f'Table(id="{self.source.uid("Table")}", partition_key="pk", '
                                    f'stream="NEW_AND_OLD_IMAGES")')
            return self.source.add(
                f'DynamoDbStreamEvent(table={table}, starting_position="LATEST", '
                f"on_failure={self.queue()})"), False
        if kind in ("rest", "http"):
            api = self.source.add(f'{"RestApi" if kind == "rest" else "HttpApi"}'
                                  f'(id="{self.source.uid("Api")}")')
            # Each kind its own paths: the event's name comes from them (LK300 if shared).
            word = "items" if kind == "rest" else "orders"
            path, mistake = self.pick([f'"/{word}"', f'"/{word}/{{id}}"'],
                                      [(f'"{word}"', "LK343")])
            event = "ApiEvent" if kind == "rest" else "HttpApiEvent"
            return self.source.add(f'{event}(api={api}, method="GET", path={path})',
                                   mistake), False
        if kind == "url":
            args, mistake = self.pick(["", 'invoke_mode="RESPONSE_STREAM"'],
                                      [('auth="none"', "LK340")])
            return self.source.add(f"FunctionUrl({args})", mistake), False
        if kind == "s3":
            bucket = self.source.add(f'Bucket(id="{self.source.uid("Bucket")}")')
            args, mistake = self.pick(["", ', suffix=".png"'], [(', events=["s3:Nothing"]',
                                                                 "LK360")])
            return self.source.add(f"S3Event(bucket={bucket}{args})", mistake), True
        if kind == "sns":
            topic = self.source.add(f'Topic(id="{self.source.uid("Topic")}")')
            return self.source.add(f"SnsEvent(topic={topic})"), True
        if kind == "eventbridge":
            pattern, mistake = self.pick(['{"source": ["com.example.orders"]}'],
                                         [("{}", "LK366")])
            return self.source.add(f"EventBridgeRule(pattern={pattern})", mistake), True
        if kind == "schedule":
            expression, mistake = self.pick(['"rate(5 minutes)"', '"cron(0 8 ? * MON-FRI *)"'],
                                            [('"rate(0 minutes)"', "LK368")])
            return self.source.add(f"ScheduleEvent(expression={expression})", mistake), True
        if kind == "iot":
            return self.source.add(
                "IotRuleEvent(sql=\"SELECT * FROM 'sensors/+/telemetry'\")"), True
        if kind == "cognito":
            pool = self.source.add(f'UserPool(id="{self.source.uid("Pool")}")')
            trigger, mistake = self.pick(['"PreSignUp"', '"PostConfirmation"'],
                                         [('"OnLunchBreak"', "LK372")])
            return self.source.add(f"CognitoTrigger(user_pool={pool}, trigger={trigger})",
                                   mistake), False
        if kind == "alexa":
            return self.source.add(
                'AlexaSkillEvent(skill_id="amzn1.ask.skill.8c1f5a2e-3b4d-4e6f-9a0b-1c2d3e4f5a6b")'
            ), False
        # A group of its own: CloudWatch Logs takes two subscription filters per group (LK371).
        group = f"/aws/lambda/{self.source.uid('billing')}"
        return self.source.add(f'LogsSubscriptionEvent(log_group="{group}")'), True


@st.composite
def app_sources(draw: st.DrawFn, mistakes: bool) -> AppSource:
    writer = Writer(draw, mistakes)
    functions = [writer.function(index) for index in range(draw(st.integers(1, 3)))]
    extra = [writer.resource()[0] for _ in range(draw(st.integers(0, 1)))]
    writer.source.lines.append(
        f'app = App(name="random", functions=[{", ".join(functions)}]'
        + (f', resources=[{", ".join(extra)}]' if extra else "") + ")")
    if writer.app_mistakes:
        writer.source.mistakes[len(writer.source.lines)] = writer.app_mistakes
    return writer.source


def run(args: list[str]) -> tuple[int, str]:
    result = CliRunner().invoke(cli, args, env={"SOURCE_DATE_EPOCH": FIXED_EPOCH})
    output = result.output
    assert "Traceback" not in output
    assert result.exception is None or isinstance(result.exception, SystemExit), output
    return result.exit_code, output


@examples()
@given(app_sources(mistakes=False))
def test_any_random_valid_app_validates_clean(tmp_path_factory: pytest.TempPathFactory,
                                              source: AppSource) -> None:
    app_file = tmp_path_factory.mktemp("app") / "app.py"
    app_file.write_text(source.text, encoding="utf-8")
    code, output = run(["validate", str(app_file)])
    assert code == 0, source.text + output
    assert DIAGNOSTIC.findall(output) == [], source.text + output  # not even a warning


@examples(25)
@given(app_sources(mistakes=True))
def test_any_random_app_fails_at_its_mistakes_or_synthesises(
        tmp_path_factory: pytest.TempPathFactory, source: AppSource) -> None:
    folder = tmp_path_factory.mktemp("app")
    app_file, template = folder / "app.py", folder / "template.yaml"
    app_file.write_text(source.text, encoding="utf-8")
    code, output = run(["synth", str(app_file), "-o", str(template)])
    errors = [m for m in DIAGNOSTIC.finditer(output) if m["level"] == "error"]
    if not source.mistakes:
        assert code == 0, source.text + output
        assert template.is_file()
        return
    assert code == 1, source.text + output
    assert not template.exists()
    found: dict[int, set[str]] = {}
    for error in errors:
        assert Path(error["file"]).name == "app.py", output
        found.setdefault(int(error["line"]), set()).add(error["code"])
    assert "LK005" not in {c for codes in found.values() for c in codes}, source.text + output
    assert set(found) <= set(source.mistakes), source.text + output
    # A construct that cannot be built (LK001, LK002) leaves the App unbuilt too: the rules
    # then have no app to judge, and only construction errors can be asked for.
    built = not any(codes & CONSTRUCTION for codes in source.mistakes.values())
    for line, codes in source.mistakes.items():
        expected = codes if built else codes & CONSTRUCTION
        assert expected <= found.get(line, set()), (line, source.text + output)
