"""The benchmark modules ``make bench`` runs, in this order.

Adding a benchmark is one line here: a module with ``run(bench: benchmarks.context.Bench) ->
list[benchmarks.report.Result]``. ``BENCH_ONLY=cli,exporting make bench`` runs some of them.
"""

MODULES = (
    "benchmarks.startup",
    "benchmarks.cli",
    "benchmarks.opening",
    "benchmarks.interactive",
    "benchmarks.exporting",
    "benchmarks.pdf",
    "benchmarks.importing",
    "benchmarks.hostile_imports",
    "benchmarks.memory",
    "benchmarks.server",
)
