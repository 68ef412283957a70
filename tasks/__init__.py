"""Maintainer scripts that regenerate committed files."""
