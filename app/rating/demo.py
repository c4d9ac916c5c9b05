"""Demo data of this area, added after the demo register is built."""


def demo_extension(db, operator_id, rng, job) -> None:
    """Nothing yet (issue 4)."""
