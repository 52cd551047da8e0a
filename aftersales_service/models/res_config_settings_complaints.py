from odoo import fields, models


class ResConfigSettings(models.TransientModel):
    _inherit = "res.config.settings"

    aftersales_complaint_days = fields.Integer(
        related="company_id.aftersales_complaint_days", readonly=False
    )
