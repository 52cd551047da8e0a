from odoo import fields, models


class ResPartner(models.Model):
    _inherit = "res.partner"

    aftersales_key_customer = fields.Boolean(
        string="Key Customer",
        tracking=True,
        help="Key customers keep their regular visits after warranty and contract (R2).",
    )
