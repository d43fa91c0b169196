"""Infrastructure of {{ cookiecutter.project_slug }}: `lambdakit synth infra/app.py`."""

from lambdakit import App, Function

handler = Function(
    id="{{ cookiecutter.function_id }}",
    handler="{{ cookiecutter.package }}.handler.handle",
    code="../src",
    runtime="{{ cookiecutter.runtime }}",
    architecture="{{ cookiecutter.architecture }}",
    memory={{ cookiecutter.memory }},
    timeout={{ cookiecutter.timeout }},
    environment={"POWERTOOLS_SERVICE_NAME": "{{ cookiecutter.project_slug }}"},
)

app = App(
    name="{{ cookiecutter.project_slug }}",
    functions=[handler],
    tags={"team": "{{ cookiecutter.team }}", "service": "{{ cookiecutter.project_slug }}"},
)
