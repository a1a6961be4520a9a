"""Domain model of hrplan.

The table classes live in their own modules (``models.plan``, ``models.activity``, ...) and import
SQLModel; the rule modules (``models.dates``, ``models.status``, ``models.progress``) are plain Python
so that the first screen can use them without paying for SQLModel's import.
"""
