"""Flows: a user task over several screens and workers, started from any screen by one call."""
