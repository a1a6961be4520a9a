"""The hrplan terminal app and its command line."""
