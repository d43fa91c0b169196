"""Call a Python handler in this process as Lambda's Python runtime would, and report what it
returned or raised in the shape Lambda reports it."""

from __future__ import annotations

import decimal
import importlib
import json
import signal
import sys
import threading
import time
import traceback
from collections.abc import Callable, Iterator
from contextlib import contextmanager, redirect_stdout
from dataclasses import dataclass, field
from pathlib import Path
from types import FrameType
from typing import Any

from lambdakit.local import isolation
from lambdakit.local.context import Identity, LambdaContext
from lambdakit.local.environment import invocation_environment
from lambdakit.model import Function

PACKAGE_DIR = str(Path(__file__).resolve().parent.parent)
Handler = Callable[[Any, LambdaContext], Any]


class NotRunnable(Exception):
    """The function's runtime cannot run in this process (only Python handlers can)."""


class _TaskTimedOut(BaseException):
    """Raised into the handler at its timeout; a BaseException, so `except Exception` in the
    handler does not swallow it."""


class _Fault(Exception):
    """What the Lambda runtime reports itself (`Runtime.ImportModuleError`, ...)."""

    def __init__(self, error_type: str, message: str, trace: list[str] | None = None) -> None:
        super().__init__(message)
        self.error_type = error_type
        self.trace = trace or []


@dataclass(frozen=True)
class Invocation:
    """One local call: the handler's result, or Lambda's error payload when it failed."""

    request_id: str
    result: Any = None
    error: dict[str, Any] | None = None
    duration_s: float = 0.0
    notes: list[str] = field(default_factory=list)

    @property
    def failed(self) -> bool:
        return self.error is not None

    def payload_text(self) -> str:
        """What `aws lambda invoke` would write: the result as JSON, or the error payload."""
        if self.error is not None:
            return json.dumps(self.error, indent=2, ensure_ascii=False) + "\n"
        if isinstance(self.result, bytes):
            return self.result.decode("utf-8", "replace")
        return _to_json(self.result) + "\n"


def invoke_locally(fn: Function, event: Any, *, request_id: str | None = None,
                   environment: dict[str, str] | None = None) -> Invocation:
    """Import `fn.handler` from the function's code and call it with `event` and a context.

    Raises `NotRunnable` for a runtime other than Python. Everything the call changes in the
    process (import path and modules, environment, working directory) is restored after it.
    `environment` is set over the function's variables and Lambda's own."""
    if fn.handler is None or fn.runtime is None:  # a container image: its own entry point
        raise NotRunnable(
            f"{fn.id} is a container image: run it with `lambdakit synth -o template.yaml` and "
            "`sam local invoke` (Docker)")
    if not fn.runtime.startswith("python"):
        raise NotRunnable(
            f"{fn.id} runs {fn.runtime}: only Python handlers can run in-process; for other "
            "runtimes use `lambdakit synth -o template.yaml` and `sam local invoke` (Docker)")
    identity = Identity.of(fn, request_id)
    notes = _interpreter_note(fn)
    started = time.monotonic()
    with isolation.task_root(fn.code_path()) as root, isolation.isolated_imports(root), \
            isolation.environment(invocation_environment(fn, identity, root, environment)), \
            isolation.working_directory(root), redirect_stdout(sys.stderr):
        # The handler's prints are its logs: they go to stderr, so stdout holds only the result.
        try:
            handler = _load_handler(fn.handler)
            started = time.monotonic()
            with _deadline(fn.timeout):
                result = handler(event, LambdaContext(identity))
            duration = time.monotonic() - started
            _check_marshallable(result)
        except _Fault as fault:
            return _failure(identity, fault, started, notes)
        except _TaskTimedOut:
            return _timed_out(identity, time.monotonic() - started, notes, stopped=True)
        except SystemExit as exit_:  # Lambda sees its runtime process end
            return _failure(identity, _Fault(
                "Runtime.ExitError", f"RequestId: {identity.request_id} Error: Runtime exited "
                f"with error: exit status {_exit_status(exit_.code)}"), started, notes)
        except Exception as exc:  # the handler's own error: Lambda reports it, so do we
            raised = _Fault(type(exc).__name__, str(exc), _user_frames(exc))
            return _failure(identity, raised, started, notes)
    if duration > fn.timeout:  # the deadline could not interrupt it (not the main thread)
        return _timed_out(identity, duration, notes, stopped=False)
    return Invocation(identity.request_id, result=result, duration_s=duration, notes=notes)


def _load_handler(handler: str) -> Handler:
    """As the Python runtime does: `dir/module.func` → import `dir.module`, take `func`."""
    module_name, _, function_name = handler.rpartition(".")
    if not module_name:
        raise _Fault("Runtime.MalformedHandlerName",
                     f"Bad handler '{handler}': not enough values to unpack")
    if module_name.split(".")[0] in sys.builtin_module_names:
        raise _Fault("Runtime.BuiltInModuleConflict",
                     f"Cannot use built-in module {module_name} as a handler module")
    try:
        module = importlib.import_module(module_name.replace("/", "."))
    except ImportError as exc:
        raise _Fault("Runtime.ImportModuleError",
                     f"Unable to import module '{module_name}': {exc}") from None
    except SyntaxError as exc:
        raise _Fault("Runtime.UserCodeSyntaxError",
                     f"Syntax error in module '{module_name}': {exc}",
                     [f'  File "{exc.filename}" Line {exc.lineno}\n    {exc.text}']) from None
    function = getattr(module, function_name, None)
    if not callable(function):
        raise _Fault("Runtime.HandlerNotFound",
                     f"Handler '{function_name}' missing on module '{module_name}'")
    return function  # type: ignore[no-any-return]


@contextmanager
def _deadline(seconds: int) -> Iterator[None]:
    """Interrupt the call at the function's timeout with a signal timer where one exists (the
    main thread on POSIX); elsewhere the call runs to its end and is judged afterwards."""
    if not hasattr(signal, "setitimer") or threading.current_thread() != threading.main_thread():
        yield
        return

    def expire(signum: int, frame: FrameType | None) -> None:
        raise _TaskTimedOut

    previous_handler = signal.signal(signal.SIGALRM, expire)
    previous_delay, _ = signal.setitimer(signal.ITIMER_REAL, seconds)
    started = time.monotonic()
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous_handler)
        if previous_delay:  # give back whatever timer was running, less the time we took
            signal.setitimer(signal.ITIMER_REAL,
                             max(previous_delay - (time.monotonic() - started), 0.001))


def _check_marshallable(result: Any) -> None:
    if isinstance(result, bytes):
        return
    try:
        _to_json(result)
    except (TypeError, ValueError) as exc:
        raise _Fault("Runtime.MarshalError", f"Unable to marshal response: {exc}") from None


def _to_json(value: Any) -> str:
    return json.dumps(value, indent=2, ensure_ascii=False, default=_decimal)


def _decimal(value: object) -> object:
    # The runtime writes a Decimal (what DynamoDB returns) as its exact digits; json can only
    # write an int or a float, exact for integers and for most amounts.
    if isinstance(value, decimal.Decimal):
        return int(value) if value == value.to_integral_value() else float(value)
    raise TypeError(f"Object of type {type(value).__name__} is not JSON serializable")


def _user_frames(exc: BaseException) -> list[str]:
    """The stack as Lambda prints it, without lambdakit's own frames."""
    frames = traceback.extract_tb(exc.__traceback__)
    return traceback.format_list([frame for frame in frames
                                  if not frame.filename.startswith(PACKAGE_DIR)
                                  and not frame.filename.startswith("<frozen importlib")])


def _failure(identity: Identity, fault: _Fault, started: float, notes: list[str]) -> Invocation:
    error = {"errorMessage": str(fault), "errorType": fault.error_type,
             "requestId": identity.request_id, "stackTrace": fault.trace}
    return Invocation(identity.request_id, error=error,
                      duration_s=time.monotonic() - started, notes=notes)


def _timed_out(identity: Identity, duration: float, notes: list[str], *,
               stopped: bool) -> Invocation:
    how = ("stopped at the timeout" if stopped else
           f"ran to its end in {duration:.2f} s: Lambda would have stopped it at the timeout")
    return Invocation(identity.request_id, error={
        "errorMessage": f"RequestId: {identity.request_id} Error: Task timed out after "
                        f"{duration:.2f} seconds",
        "errorType": "Sandbox.Timedout", "requestId": identity.request_id, "stackTrace": []},
        duration_s=duration, notes=[*notes, f"the handler {how} ({identity.timeout_s} s)"])


def _exit_status(code: object) -> int:
    """`sys.exit()` is status 0, `sys.exit(3)` 3, `sys.exit("message")` 1."""
    if code is None:
        return 0
    return code if isinstance(code, int) else 1


def _interpreter_note(fn: Function) -> list[str]:
    here = f"python{sys.version_info.major}.{sys.version_info.minor}"
    if fn.runtime == here:
        return []
    return [f"{fn.id} runs {fn.runtime} on Lambda; this run uses {here}"]


