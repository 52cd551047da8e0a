from odoo import fields, models


class ResCompany(models.Model):
    _inherit = "res.company"

    # R5: one year from delivery into use / acceptance, unless the contract says otherwise.
    aftersales_warranty_months = fields.Integer(
        string="Default Warranty (months)",
        default=12,
        help="Warranty length proposed for new after-sales projects.",
    )
    aftersales_warranty_warning_days = fields.Integer(
        string="Warranty Expiry Warning (days)",
        default=30,
        help="A project whose warranty ends within this many days is shown as expiring.",
    )
