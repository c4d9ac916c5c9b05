"""Fixtures for the records area: a demo household and organization with no
credit facts of their own yet, and record data that passes every check."""

from __future__ import annotations


import pytest


@pytest.fixture
def household(demo_db) -> dict:
    return next(demo_db.query(
        "SELECT id, head_name AS name, head_id_number AS number, phone FROM household "
        "WHERE id NOT IN (SELECT subject_id FROM credit_record) "
        "AND head_id_number NOT IN (SELECT id_number FROM list_entry) ORDER BY sid LIMIT 1"))


@pytest.fixture
def organization(demo_db) -> dict:
    return next(demo_db.query(
        "SELECT id, name, uscc AS number FROM organization "
        "WHERE id NOT IN (SELECT subject_id FROM credit_record) ORDER BY sid LIMIT 1"))


@pytest.fixture
def op(demo_db) -> str:
    """The demo register's own operator (``operator`` belongs to ``db``)."""
    from app.users import default_operator_id

    return default_operator_id(demo_db)
