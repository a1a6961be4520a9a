"""The one error an import raises: the file cannot be read as a plan. Nothing has been written."""

from __future__ import annotations

from db.errors import HrplanError


class ImportFileError(HrplanError):
    """``key`` says what is wrong; ``where`` (already in words) says where: file, table or line, row."""

    key = "import.error.unreadable"

    def __init__(self, key: str | None = None, *, where: str, **params: object) -> None:
        super().__init__(key, where=where, **params)

    def message(self) -> str:
        from i18n import t

        return f"{self.params['where']}: {t(self.key, **self.params)}"


def reason_of(exc: BaseException) -> str:
    """A library's complaint about a damaged file, short enough for one line."""
    text = (getattr(exc, "strerror", None) or str(exc)).split("\n")[0].strip()
    return text[:120] or type(exc).__name__
