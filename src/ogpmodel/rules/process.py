"""process rules (see design/rules.md)."""

__all__: list[str] = []
