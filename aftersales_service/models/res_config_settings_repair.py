from odoo import fields, models


class ResConfigSettings(models.TransientModel):
    _inherit = "res.config.settings"

    aftersales_margin_min = fields.Float(related="company_id.aftersales_margin_min", readonly=False)
    aftersales_margin_max = fields.Float(related="company_id.aftersales_margin_max", readonly=False)
    aftersales_quote_approval_amount = fields.Monetary(
        related="company_id.aftersales_quote_approval_amount",
        currency_field="company_currency_id",
        readonly=False,
    )
    aftersales_large_weight = fields.Float(
        related="company_id.aftersales_large_weight", readonly=False
    )
    aftersales_large_volume = fields.Float(
        related="company_id.aftersales_large_volume", readonly=False
    )
