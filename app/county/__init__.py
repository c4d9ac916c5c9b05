"""The county receiver: a different program for a different user (the county
IT team), kept apart from the township client's sync code in ``app.sync``.

It shares only the protocol's file formats and keys (``app.sync.wire``,
``app.sync.keys``) with the client. ``store`` holds what the county keeps,
``http`` serves the API of docs/sync-protocol.md §4, ``files`` takes USB
batch files, ``cli`` is ``credit-desk county-server``.
"""
