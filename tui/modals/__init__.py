"""Dialogs: each a ModalScreen that ends with dismiss(value)."""
