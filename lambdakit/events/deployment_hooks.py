"""CodeDeploy's lifecycle hooks: a function CodeDeploy invokes during another function's gradual
deployment, to check the new version before (pre-traffic) or after (post-traffic) the alias
moves to it. The hook reports Succeeded or Failed; Failed, or no report within an hour, rolls
the deployment back.

A hook is declared on the hook function, as what invokes it: `events=[PreTrafficHook(api)]`.
That order lets the hook reference the function it checks (`api.version`, `api.invoke()`),
which it usually must, while the checked function needs to know nothing of it.
"""

from __future__ import annotations

import base64
import json
from typing import TYPE_CHECKING, Any, ClassVar

from lambdakit.events._samples import sample_id
from lambdakit.model import Binding, EventSource, Function
from lambdakit.model.instance import Instance

if TYPE_CHECKING:
    from lambdakit.model import Construct


class DeploymentHook(EventSource):
    """The hook of one stage of `function`'s deployments (`function` needs `deployment=`)."""

    # Set on the checked function's deployment (its DeploymentPreference), not as a SAM event.
    sam_type = ""
    # CodeDeploy waits for the hook's report, not for the invocation: a failed or silent hook
    # fails the deployment, which rolls back. An on-failure destination would add nothing.
    invocation = "sync"
    # The AppSpec lifecycle event, and SAM's key for it under DeploymentPreference.Hooks.
    lifecycle_event: ClassVar[str] = ""
    sam_hook: ClassVar[str] = ""

    function: Instance[Function]

    def default_name(self) -> str:
        return f"{self.sam_hook}Of{self.function.id}"

    def referenced_constructs(self) -> list[Construct]:
        return [self.function]

    def derived_ids(self, fn: Function) -> list[str | None]:
        return []  # the hook is a setting of the deployment group SAM writes for `function`

    def hooked_function(self) -> Function:
        return self.function

    def bind(self, fn: Function) -> Binding:
        # Its permission to report (`codedeploy:PutLifecycleEventHookExecutionStatus`) comes from
        # `lambdakit.iam.deployment`: it names the deployment's CodeDeploy application.
        return Binding()

    def sample_event(self, fn: Function) -> dict[str, Any]:
        """What CodeDeploy passes: the deployment's id and this hook execution's id, which the
        hook hands back with its status."""
        deployment_id = "d-" + sample_id(f"{self.function.id}/deployment", 9).upper()
        execution = json.dumps({"deploymentId": deployment_id,
                                "lifecycleEventName": self.lifecycle_event},
                               separators=(",", ":"), sort_keys=True)
        return {"DeploymentId": deployment_id,
                "LifecycleEventHookExecutionId": base64.b64encode(execution.encode()).decode()}


class PreTrafficHook(DeploymentHook):
    """Runs once the new version is published, before any traffic moves to it (AppSpec
    `BeforeAllowTraffic`): the place to invoke `function.version` and check its answers."""

    lifecycle_event = "BeforeAllowTraffic"
    sam_hook = "PreTraffic"


class PostTrafficHook(DeploymentHook):
    """Runs after all of the traffic has moved to the new version (AppSpec
    `AfterAllowTraffic`): the place for end-to-end checks through the alias."""

    lifecycle_event = "AfterAllowTraffic"
    sam_hook = "PostTraffic"
