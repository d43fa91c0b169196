"""Business logic: describe the MySQL driver the function runs with."""


def describe(module) -> dict:
    return {"driver": module.__name__, "version": getattr(module, "__version__", "unknown")}
