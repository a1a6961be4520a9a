"""hrplan in a browser: ``hrplan serve`` (needs the ``serve`` extra)."""
