"""Command palette providers, one per domain."""
