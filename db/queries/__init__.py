"""Query functions for the screens and the command line.

Each takes a keyword-only ``session`` and returns plain, frozen data: screens never hold live ORM
objects.
"""
