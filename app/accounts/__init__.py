"""Accounts, roles and accountability.

``auth`` signs people in (argon2id hashes, lockout) and manages accounts;
``permissions`` says what a role may do and is called by the app/ functions
that do the work, so the desktop app and the command line obey the same
rules; ``policy`` is the shipped, administrator-adjustable configuration
(resources/policies/accounts.toml). ``audit`` keeps the logs' hash chains.
"""
