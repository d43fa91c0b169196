"""Gradual deployments as the plan sees them: each function's hooks, and the traffic shapes
CodeDeploy lacks, each written once as a custom configuration."""

from __future__ import annotations

from typing import TYPE_CHECKING, NamedTuple, cast

from lambdakit.model import App, Function, TrafficShift

if TYPE_CHECKING:
    from lambdakit.events.deployment_hooks import DeploymentHook


class HookBinding(NamedTuple):
    """`hook` (a function) runs at `source.sam_hook` of `source.function`'s deployments."""

    hook: Function
    source: DeploymentHook


def index_hooks(app: App) -> dict[int, list[HookBinding]]:
    """The hooks of each deployed function, by `id()` of the function, in app order."""
    found: dict[int, list[HookBinding]] = {}
    for fn in app.all_functions():
        for source in fn.live_events():
            target = source.hooked_function()
            if target is not None:
                hook = cast("DeploymentHook", source)
                found.setdefault(id(target), []).append(HookBinding(fn, hook))
    return found


def hook_functions(bindings: list[HookBinding]) -> list[Function]:
    """The functions CodeDeploy invokes during one function's deployments, each once, by id."""
    hooks = {id(binding.hook): binding.hook for binding in bindings}
    return sorted(hooks.values(), key=lambda hook: hook.id)


def custom_configurations(app: App) -> dict[str, TrafficShift]:
    """The shapes that are not predefined, each once: {logical id: shape}."""
    found: dict[str, TrafficShift] = {}
    for fn in app.all_functions():
        deployment = fn.live_deployment()
        if deployment is not None and not deployment.is_predefined():
            found.setdefault(custom_configuration_id(deployment), deployment)
    return dict(sorted(found.items()))


def custom_configuration_id(deployment: TrafficShift) -> str:
    return f"DeploymentConfig{deployment.config_name()}"
