"""``credit-desk`` commands of this area (issue 4)."""


def register(sub) -> None:
    """Add this area's subcommands to ``sub``; none yet."""
