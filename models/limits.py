"""Length limits shared by the tables, the database checks and the editors."""

NAME_MAX = 200  # titles, names, managers, responsible functions
SHORT_MAX = 100  # target text, period labels, round names, paragraph, diary number
TEXT_MAX = 20_000  # goal, description, resources, follow-up, comments, notes
SECTION_MAX = 100_000  # a narrative section of the plan or a unit (a few pages of text)
