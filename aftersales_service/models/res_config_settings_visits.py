from odoo import fields, models


class ResConfigSettings(models.TransientModel):
    _inherit = "res.config.settings"

    aftersales_visit_month_1 = fields.Integer(
        related="company_id.aftersales_visit_month_1", readonly=False
    )
    aftersales_visit_month_2 = fields.Integer(
        related="company_id.aftersales_visit_month_2", readonly=False
    )
    aftersales_visit_day = fields.Integer(related="company_id.aftersales_visit_day", readonly=False)
    aftersales_visit_acceptance_months = fields.Integer(
        related="company_id.aftersales_visit_acceptance_months", readonly=False
    )
    aftersales_visit_warranty_months_before = fields.Integer(
        related="company_id.aftersales_visit_warranty_months_before", readonly=False
    )
    aftersales_inspection_summer_month = fields.Integer(
        related="company_id.aftersales_inspection_summer_month", readonly=False
    )
    aftersales_inspection_winter_month = fields.Integer(
        related="company_id.aftersales_inspection_winter_month", readonly=False
    )
