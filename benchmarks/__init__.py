"""Benchmarks of hrplan, run by ``make bench``. Not tests: they measure and report."""
