"""The conversation simulation (``/// scenario``): a branching talk with a customer or colleague.

``source`` reads and checks the Markdown, ``block`` renders the gamebook HTML, ``text``
holds its words in every language, ``assets/`` its script and stylesheet.
"""

from .block import ScenarioBlock

__all__ = ["ScenarioBlock"]
