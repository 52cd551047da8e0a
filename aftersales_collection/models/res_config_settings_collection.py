from odoo import fields, models


class ResConfigSettings(models.TransientModel):
    _inherit = "res.config.settings"

    aftersales_retention_reminder_months = fields.Integer(
        related="company_id.aftersales_retention_reminder_months", readonly=False
    )
    aftersales_escalation_days = fields.Integer(
        related="company_id.aftersales_escalation_days", readonly=False
    )
    aftersales_paid_service_due_days = fields.Integer(
        related="company_id.aftersales_paid_service_due_days", readonly=False
    )
    aftersales_ageing_limit_months = fields.Integer(
        related="company_id.aftersales_ageing_limit_months", readonly=False
    )
    aftersales_contact_id = fields.Many2one(
        related="company_id.aftersales_contact_id", readonly=False
    )
    aftersales_retention_percent = fields.Float(
        related="company_id.aftersales_retention_percent", readonly=False
    )
    aftersales_ageing_bucket_1 = fields.Integer(
        related="company_id.aftersales_ageing_bucket_1", readonly=False
    )
    aftersales_ageing_bucket_2 = fields.Integer(
        related="company_id.aftersales_ageing_bucket_2", readonly=False
    )
    aftersales_ageing_bucket_3 = fields.Integer(
        related="company_id.aftersales_ageing_bucket_3", readonly=False
    )
