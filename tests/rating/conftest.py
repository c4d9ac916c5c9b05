"""Fixtures: a small township with households whose facts we choose."""

import pytest

from app.rating import campaign as campaigns
from rating_fixtures import Township


@pytest.fixture
def town(db, operator) -> Township:
    return Township(db, operator)


@pytest.fixture
def small_campaign(db, operator, town):
    """Two villages: 青龙村 with 10 households, 白鹤村 with 4; a campaign started."""
    qinglong = town.village("青龙村", "510623105201")
    baihe = town.village("白鹤村", "510623105202")
    for i in range(10):
        town.household(qinglong, f"王{'一二三四五六七八九十'[i]}")
    for i in range(4):
        town.household(baihe, f"张{'一二三四'[i]}")
    campaign = campaigns.create_campaign(db, operator, name="2026年度信用户评定", year=2026)
    return campaign
