"""Credit records, red and black lists, repair, objections, credit reports and the query log.

Service functions here take a sqlite-utils ``Database`` and an operator id;
no Qt. Commands live in ``cli.py``, demo data in ``demo.py``.
"""
