"""Lambda entry point: parse the event, call the logic, shape the answer. No lambdakit import."""

import json
import logging
import os

from {{ cookiecutter.package }}.logic import greet

# Built once per execution environment, not per invocation.
logger = logging.getLogger()
SERVICE = os.environ.get("POWERTOOLS_SERVICE_NAME", "{{ cookiecutter.project_slug }}")


def handle(event, context):
    try:
        result = greet(str(event.get("name", "")))
    except ValueError as error:
        logger.warning(json.dumps({"service": SERVICE, "error": str(error)}))
        return {"ok": False, "error": str(error)}
    return {"ok": True, **result}
