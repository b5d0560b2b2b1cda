"""The reflection kind: a prompt whose answer the learner writes and keeps in the browser.

``source`` reads a block into a checked ``ReflectionSpec``; ``block`` renders it (the
registry names its ``ReflectionBlock``); the script is in ``assets/``.
"""
