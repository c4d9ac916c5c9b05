"""County sync: batches, device keys, downlink, and the reference county receiver.

Service functions here take a sqlite-utils ``Database`` and an operator id;
no Qt. Commands live in ``cli.py``, demo data in ``demo.py``.
"""
