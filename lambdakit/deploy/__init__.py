"""Ship a synthesised app: reproducible artifacts, change sets, a data guard, event streaming.

- `package`: deterministic zips with content-hash keys, uploaded only when S3 lacks them
- `bootstrap`: the per-account, per-region artifact bucket stack and how deploy finds it
- `apply`: change set → table → data guard → confirmation → execution → events
- `changes`: a change set as reviewable rows, and the data guard's rules
- `stack`: a stack's status, events as they come (with elapsed time and progress), outputs
- `followup`: when deploy stops following a stack (error, Ctrl-C): its state, what to run
- `ship`: deploy and diff an app's template; `diff`: templates compared for a person
- `destroy`: delete a stack, list what it keeps
- `config`: `[tool.lambdakit]` of pyproject.toml, with stages
- `aws`: clients for one region, `DeployError`, the console protocol

boto3 is imported only inside functions, so importing this package costs nothing on the synth
path; click stays in `lambdakit.cli`.
"""

from lambdakit.deploy.apply import Outcome, Result
from lambdakit.deploy.aws import Aws, Console, DeployError, Interrupted, Poll, connect

__all__ = ["Aws", "Console", "DeployError", "Interrupted", "Outcome", "Poll", "Result",
           "connect"]
