"""Checks on what editors type that the site then turns into links visitors rely on."""

import re

from django.core.exceptions import ValidationError

PHONE_CHARACTERS = re.compile(r"[0-9 +().\-]+")
# The letters on a phone's keypad, for turning “1-800-662-HELP” into the digits it dials.
KEYPAD = str.maketrans(
    {
        **dict.fromkeys("ABC", "2"),
        **dict.fromkeys("DEF", "3"),
        **dict.fromkeys("GHI", "4"),
        **dict.fromkeys("JKL", "5"),
        **dict.fromkeys("MNO", "6"),
        **dict.fromkeys("PQRS", "7"),
        **dict.fromkeys("TUV", "8"),
        **dict.fromkeys("WXYZ", "9"),
    }
)
VANITY_NUMBER = re.compile(r"[0-9+(][0-9A-Za-z +().\-]*")


def validate_phone_number(value):
    """A number a phone can dial from a link: digits, spaces and + ( ) - . only, at least three
    digits (911, 988). A tel: link drops letters, so “1-800-662-HELP” would call the wrong
    number: the editor is told the digits to type instead."""
    if not value:
        return
    if PHONE_CHARACTERS.fullmatch(value):
        if sum(character.isdigit() for character in value) < 3:
            raise ValidationError(
                "A phone number needs at least 3 digits, such as 988.", code="too_short"
            )
        return
    if VANITY_NUMBER.fullmatch(value) and any(character.isalpha() for character in value):
        digits = value.upper().translate(KEYPAD)
        raise ValidationError(
            "Phones cannot dial letters. Type the digits instead: %(digits)s.",
            code="letters",
            params={"digits": digits},
        )
    raise ValidationError(
        "Use only digits, spaces and + ( ) - . in a phone number, such as 1-800-662-4357.",
        code="invalid",
    )
