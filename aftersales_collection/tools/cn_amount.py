"""Amounts in Chinese capital numerals (大写金额), as payment notices and receipts require.

A small pure module: no Odoo import. num2words (used by ``res.currency.amount_to_text``) has no
Chinese, so Odoo cannot write these; the rules are those of the People's Bank of China for
financial documents (《支付结算办法》 appendix): 壹贰叁…, units 拾佰仟 within a section of four
digits and 万/亿 for sections, one 零 for any run of zeros inside the number, 壹拾 written out,
and 整 when there are no 分.
"""

from decimal import ROUND_HALF_UP, Decimal

DIGITS = "零壹贰叁肆伍陆柒捌玖"
UNITS = ("", "拾", "佰", "仟")
SECTIONS = ("", "万", "亿")
LIMIT = 10**12  # 壹万亿: nothing on a payment notice comes close


def _integer_to_capital(number):
    text = str(number)
    length = len(text)
    out = []
    zero_pending = False
    for index, char in enumerate(text):
        power = length - 1 - index
        digit = int(char)
        if digit:
            if zero_pending:
                out.append(DIGITS[0])
                zero_pending = False
            out.append(DIGITS[digit] + UNITS[power % 4])
        elif out:
            zero_pending = True
        if power % 4 == 0 and power:
            section_digits = text[max(0, index - 3) : index + 1]
            if int(section_digits):
                out.append(SECTIONS[power // 4])
    return "".join(out)


def amount_to_chinese_capital(amount):
    """12345.60 → '壹万贰仟叁佰肆拾伍元陆角整'; 0.05 → '伍分'; 0 → '零元整'.

    `amount` is a number (float, int, Decimal or numeric string) in yuan; it is rounded
    half-up to the fen. Negative amounts get the prefix 负.
    """
    value = Decimal(str(amount)).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)
    if abs(value) >= LIMIT:
        raise ValueError(f"amount too large for Chinese capital numerals: {amount}")
    prefix = "负" if value < 0 else ""
    cents = int(abs(value) * 100)
    yuan, jiao, fen = cents // 100, cents // 10 % 10, cents % 10
    if not cents:
        return "零元整"
    parts = []
    if yuan:
        parts.append(_integer_to_capital(yuan) + "元")
    if jiao:
        parts.append(DIGITS[jiao] + "角")
    if fen:
        if yuan and not jiao:
            parts.append(DIGITS[0])
        parts.append(DIGITS[fen] + "分")
    else:
        parts.append("整")
    return prefix + "".join(parts)
