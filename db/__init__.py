"""Storage: paths, the SQLite engine, migrations and the query functions the screens use."""
