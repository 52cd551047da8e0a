from odoo.tests import BaseCase, tagged

from odoo.addons.aftersales_collection.tools.cn_amount import amount_to_chinese_capital


@tagged("post_install", "-at_install")
class TestChineseCapitalAmount(BaseCase):
    """R29: payment notices write amounts in figures and in capital numerals (大写)."""

    def test_examples(self):
        cases = {
            12345.60: "壹万贰仟叁佰肆拾伍元陆角整",
            0.05: "伍分",
            10.00: "壹拾元整",
            100000.00: "壹拾万元整",
            1000005.00: "壹佰万零伍元整",
            0: "零元整",
            0.5: "伍角整",
            1.05: "壹元零伍分",
            10.05: "壹拾元零伍分",
            100010: "壹拾万零壹拾元整",
            10100000: "壹仟零壹拾万元整",
            200000001: "贰亿零壹元整",
            1680.32: "壹仟陆佰捌拾元叁角贰分",
            "86000.00": "捌万陆仟元整",
        }
        for amount, expected in cases.items():
            with self.subTest(amount=amount):
                self.assertEqual(amount_to_chinese_capital(amount), expected)

    def test_rounding_and_sign(self):
        self.assertEqual(amount_to_chinese_capital(0.045), "伍分")  # half-up to the fen
        self.assertEqual(amount_to_chinese_capital(-3.2), "负叁元贰角整")

    def test_too_large(self):
        with self.assertRaises(ValueError):
            amount_to_chinese_capital(10**12)
