from odoo import fields, models


class ResConfigSettings(models.TransientModel):
    _inherit = "res.config.settings"

    aftersales_answer_general_hours = fields.Float(
        related="company_id.aftersales_answer_general_hours", readonly=False
    )
    aftersales_answer_major_hours = fields.Float(
        related="company_id.aftersales_answer_major_hours", readonly=False
    )
    aftersales_onsite_policy = fields.Selection(
        related="company_id.aftersales_onsite_policy", readonly=False
    )
    aftersales_onsite_radius_km = fields.Float(
        related="company_id.aftersales_onsite_radius_km", readonly=False
    )
    aftersales_onsite_near_hours = fields.Float(
        related="company_id.aftersales_onsite_near_hours", readonly=False
    )
    aftersales_onsite_far_hours = fields.Float(
        related="company_id.aftersales_onsite_far_hours", readonly=False
    )
    aftersales_answer_far_max_hours = fields.Float(
        related="company_id.aftersales_answer_far_max_hours", readonly=False
    )
    aftersales_onsite_in_province_hours = fields.Float(
        related="company_id.aftersales_onsite_in_province_hours", readonly=False
    )
    aftersales_onsite_out_province_hours = fields.Float(
        related="company_id.aftersales_onsite_out_province_hours", readonly=False
    )
    aftersales_answer_policy = fields.Selection(
        related="company_id.aftersales_answer_policy", readonly=False
    )
    aftersales_answer_flat_hours = fields.Float(
        related="company_id.aftersales_answer_flat_hours", readonly=False
    )
    aftersales_quote_noon_cutoff = fields.Float(
        related="company_id.aftersales_quote_noon_cutoff", readonly=False
    )
    aftersales_quote_evening_cutoff = fields.Float(
        related="company_id.aftersales_quote_evening_cutoff", readonly=False
    )
    aftersales_quote_major_hours = fields.Float(
        related="company_id.aftersales_quote_major_hours", readonly=False
    )
    aftersales_parts_stock_hours = fields.Float(
        related="company_id.aftersales_parts_stock_hours", readonly=False
    )
    aftersales_parts_domestic_working_days = fields.Integer(
        related="company_id.aftersales_parts_domestic_working_days", readonly=False
    )
    aftersales_escalation_percent = fields.Integer(
        related="company_id.aftersales_escalation_percent", readonly=False
    )
    aftersales_escalation_user_id = fields.Many2one(
        related="company_id.aftersales_escalation_user_id", readonly=False
    )
    aftersales_resource_calendar_id = fields.Many2one(
        related="company_id.resource_calendar_id", readonly=False, string="Working Calendar"
    )
