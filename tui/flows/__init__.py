"""Flows: steps across screens and dialogs that more than one screen starts."""
