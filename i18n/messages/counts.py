"""Counted things, a form per plural category (CLDR's "one" and "other" in Swedish and English).

Written with ``tn(key, n)``; ``{n}`` is the count written the language's way. Messages that name
several counts take these as ready phrases ("3 aktiviteter, 1 område").
"""

MESSAGES = {
    "count.activities": (
        {"one": "{n} aktivitet", "other": "{n} aktiviteter"},
        {"one": "{n} activity", "other": "{n} activities"},
    ),
    "count.units": (
        {"one": "{n} avdelning/enhet", "other": "{n} avdelningar/enheter"},
        {"one": "{n} unit", "other": "{n} units"},
    ),
    "count.areas": (
        {"one": "{n} område", "other": "{n} områden"},
        {"one": "{n} area", "other": "{n} areas"},
    ),
    "count.rounds": (
        {"one": "{n} uppföljning", "other": "{n} uppföljningar"},
        {"one": "{n} follow-up round", "other": "{n} follow-up rounds"},
    ),
    "count.entries": (
        {"one": "{n} uppföljningsrad", "other": "{n} uppföljningsrader"},
        {"one": "{n} follow-up entry", "other": "{n} follow-up entries"},
    ),
    "count.key_figures": (
        {"one": "{n} nyckeltal", "other": "{n} nyckeltal"},
        {"one": "{n} key figure", "other": "{n} key figures"},
    ),
    "count.plans": (
        {"one": "{n} plan", "other": "{n} planer"},
        {"one": "{n} plan", "other": "{n} plans"},
    ),
    "count.rows": (
        {"one": "{n} rad", "other": "{n} rader"},
        {"one": "{n} row", "other": "{n} rows"},
    ),
    "count.fields": (
        {"one": "{n} fält", "other": "{n} fält"},
        {"one": "{n} field", "other": "{n} fields"},
    ),
    "count.warnings": (
        {"one": "{n} varning", "other": "{n} varningar"},
        {"one": "{n} warning", "other": "{n} warnings"},
    ),
    "count.status_changes": (
        {"one": "{n} ändrad status", "other": "{n} ändrade statusar"},
        {"one": "{n} status change", "other": "{n} status changes"},
    ),
    "count.new_comments": (
        {"one": "{n} ny kommentar", "other": "{n} nya kommentarer"},
        {"one": "{n} new comment", "other": "{n} new comments"},
    ),
    "count.comments": (
        {"one": "{n} kommentar", "other": "{n} kommentarer"},
        {"one": "{n} comment", "other": "{n} comments"},
    ),
    "count.of_them_reviewed": (
        {"one": "varav {n} genomgången", "other": "varav {n} genomgångna"},
        {"one": "{n} of them gone through", "other": "{n} of them gone through"},
    ),
    "count.more": (
        {"one": "… och {n} till", "other": "… och {n} till"},
        {"one": "… and {n} more", "other": "… and {n} more"},
    ),
}
