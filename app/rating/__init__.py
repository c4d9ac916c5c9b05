"""Credit rating (信用评定): schemes, household assessment, campaign workflow, credit villages and township.

Service functions here take a sqlite-utils ``Database`` and an operator id;
no Qt. Commands live in ``cli.py``, demo data in ``demo.py``.
"""
