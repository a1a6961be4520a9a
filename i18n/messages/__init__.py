"""Message catalogs, one module per domain: ``MESSAGES = {key: (swedish, english)}``."""
