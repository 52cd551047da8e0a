from odoo import fields, models


class ResConfigSettings(models.TransientModel):
    _inherit = "res.config.settings"

    aftersales_engineering_manager_id = fields.Many2one(
        related="company_id.aftersales_engineering_manager_id", readonly=False
    )
    aftersales_hour_cost = fields.Monetary(
        related="company_id.aftersales_hour_cost", readonly=False, currency_field="currency_id"
    )
    aftersales_manager_user_ids = fields.Many2many(
        related="company_id.aftersales_manager_user_ids", readonly=False
    )
    aftersales_management_user_ids = fields.Many2many(
        related="company_id.aftersales_management_user_ids", readonly=False
    )
