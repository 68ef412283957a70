"""The version of ogpmodel: the one place it is written (the build reads it from here)."""

__all__ = ["VERSION"]

#: The version of the distribution, as `importlib.metadata.version("ogpmodel")` reports it.
VERSION = "0.1.0.dev0"
