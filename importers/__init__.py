"""Reading plans that already exist as files: Word (DOCX), Excel (XLSX), CSV and text copied out of a PDF.

Each reader turns its file into a stream of paragraphs and table rows (``importers.stream``); one
assembler (``importers.assemble``) reads plan details, units, areas and activities out of that stream
into the plain, frozen structure of ``importers.model``; ``importers.writer`` puts it into the
database as one change. ``importers.files.read_plan_file`` picks the reader for a file.
"""
