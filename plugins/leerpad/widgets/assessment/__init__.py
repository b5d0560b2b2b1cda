"""The self-assessment kind: statements on a scale, scored per dimension, with bands.

``source`` reads a block into a checked ``AssessmentSpec``; ``band_team`` splits a band's
text for a team; ``block`` renders it (the registry names its ``AssessmentBlock``); the
script and its styles are in ``assets/``.
"""
