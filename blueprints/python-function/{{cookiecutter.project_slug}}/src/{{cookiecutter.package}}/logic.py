"""Business logic: plain functions, testable without Lambda or AWS."""


def greet(name: str) -> dict[str, str]:
    if not name.strip():
        raise ValueError("name must not be blank")
    return {"message": f"hello, {name.strip()}"}
