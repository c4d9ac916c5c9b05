"""ID numbers, credit codes and phones as officials really type them."""

import datetime as dt

import pytest

from app.identity import (IdentityError, check_id_agrees, mask_id_number, parse_id_number,
                          parse_phone, parse_uscc, upgrade_15)

VALID = "11010519491231002X"  # the GB 11643 example number


def test_valid_number_gives_birth_date_and_sex():
    info = parse_id_number(VALID)
    assert info.number == VALID
    assert info.birth_date == dt.date(1949, 12, 31)
    assert info.sex == "F"  # sequence 002 is even


def test_lowercase_x_spaces_and_full_width_digits_are_accepted():
    assert parse_id_number(" 110105 1949 1231 002x ").number == VALID
    assert parse_id_number("１１０１０５１９４９１２３１００２Ｘ").number == VALID


def test_wrong_check_character_names_the_right_one():
    with pytest.raises(IdentityError) as err:
        parse_id_number("110105194912310021")
    assert "X" in str(err.value) and "校验位" in str(err.value)


def test_fifteen_digit_number_is_converted_to_eighteen():
    info = parse_id_number("110105491231002")
    assert info.converted_from_15
    assert info.number == VALID
    assert upgrade_15("110105491231002") == VALID


@pytest.mark.parametrize("raw, words", [
    ("1101051949123100", "18"),
    ("11010519491331002X", "出生日期"),
    ("1101051949123100A1", "17位数字"),
    ("", "请输入"),
])
def test_malformed_numbers_say_what_is_wrong(raw, words):
    with pytest.raises(IdentityError) as err:
        parse_id_number(raw)
    assert words in str(err.value)


def test_future_birth_date_is_refused():
    body = "51062320990101001"
    from stdnum.cn import ric
    number = body + ric.calc_check_digit(body + "0")
    with pytest.raises(IdentityError) as err:
        parse_id_number(number, today=dt.date(2026, 11, 22))
    assert "不可能" in str(err.value)


def test_typed_sex_and_birth_date_must_agree_with_the_number():
    info = parse_id_number(VALID)
    with pytest.raises(IdentityError) as err:
        check_id_agrees(info, sex="M", birth_date=None)
    assert "女" in str(err.value)
    with pytest.raises(IdentityError):
        check_id_agrees(info, sex=None, birth_date=dt.date(1950, 1, 1))
    check_id_agrees(info, sex="F", birth_date=dt.date(1949, 12, 31))


def test_uscc_valid_and_pilot_era_code_with_bad_check():
    good = parse_uscc("91110000600037341L")
    assert good.checksum_ok
    bad = parse_uscc("91110000600037341A")
    assert not bad.checksum_ok and bad.expected_check == "L"


def test_uscc_letters_never_used_are_named():
    with pytest.raises(IdentityError) as err:
        parse_uscc("9111000060003734IO")
    assert "I" in str(err.value) and "O" in str(err.value)


def test_farmers_cooperative_code_is_recognised():
    from stdnum.cn import uscc

    body = "93510623MA6C12345"  # 93 = farmers' cooperative, then division and org code
    code = body + uscc.calc_check_digit(body + "0")
    info = parse_uscc(code)
    assert info.checksum_ok and info.is_farmers_cooperative and info.division_code == "510623"


@pytest.mark.parametrize("raw, expected", [
    ("138 0013 8000", "13800138000"),
    ("+86 13800138000", "13800138000"),
    ("0838-1234567", "08381234567"),
])
def test_phone_numbers(raw, expected):
    assert parse_phone(raw) == expected


def test_bad_phone_is_explained():
    with pytest.raises(IdentityError) as err:
        parse_phone("12345")
    assert "11" in str(err.value)


def test_masking_keeps_province_and_last_four():
    assert mask_id_number(VALID) == "110***********002X"
