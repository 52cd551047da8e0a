from odoo import fields, models


class ResConfigSettings(models.TransientModel):
    _inherit = "res.config.settings"

    aftersales_clock_skew_minutes = fields.Integer(
        related="company_id.aftersales_clock_skew_minutes", readonly=False
    )
    aftersales_portal_title_max = fields.Integer(
        related="company_id.aftersales_portal_title_max", readonly=False
    )
    aftersales_portal_description_max = fields.Integer(
        related="company_id.aftersales_portal_description_max", readonly=False
    )
    aftersales_portal_photo_max_mb = fields.Float(
        related="company_id.aftersales_portal_photo_max_mb", readonly=False
    )
    aftersales_portal_submission_max_mb = fields.Float(
        related="company_id.aftersales_portal_submission_max_mb", readonly=False
    )
