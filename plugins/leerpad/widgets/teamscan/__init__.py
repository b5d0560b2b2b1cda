"""The team scan kind: members' self-assessment codes pasted together into one result.

``source`` reads a block into a checked ``TeamScanSpec``; ``block`` renders it (the
registry names its ``TeamScanBlock``); its script is in ``assets/``, and it uses the
self-assessment's script and styles.
"""
