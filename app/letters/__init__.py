"""Commitment letters (信用承诺书): templates, printing, collection, fulfilment.

Service functions here take a sqlite-utils ``Database`` and an operator id;
no Qt. Commands live in ``cli.py``, demo data in ``demo.py``.
"""
