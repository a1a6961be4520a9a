"""Flows: steps across several dialogs and workers, started from any screen or the command palette."""
