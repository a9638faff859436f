"""One router per resource of the REST API."""

__all__: list[str] = []
