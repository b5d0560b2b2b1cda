"""The quiz kind: single and multiple choice and fill-in-the-gap questions.

``source`` reads a block into a checked ``QuizSpec``; ``block`` renders it (the registry
names its ``QuizBlock``); the script is in ``assets/``.
"""
