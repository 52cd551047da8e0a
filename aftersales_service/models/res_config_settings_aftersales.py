from odoo import fields, models


class ResConfigSettings(models.TransientModel):
    _inherit = "res.config.settings"

    aftersales_warranty_months = fields.Integer(
        related="company_id.aftersales_warranty_months", readonly=False
    )
    aftersales_warranty_warning_days = fields.Integer(
        related="company_id.aftersales_warranty_warning_days", readonly=False
    )
