"""leerpad: courses, quizzes, self-assessments and reflections for MkDocs sites."""

__version__ = "0.1.0"
