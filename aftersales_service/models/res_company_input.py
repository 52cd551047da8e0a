from odoo import api, fields, models
from odoo.exceptions import ValidationError

# R5: a warranty is counted in whole months; ten years is the longest any contract gives.
WARRANTY_MONTHS_MAX = 120


class ResCompany(models.Model):
    """Limits on what users and customers may enter (issue 12): the clock skew tolerated on the
    time a request was received, and the size of what the portal accepts."""

    _inherit = "res.company"

    aftersales_clock_skew_minutes = fields.Integer(
        string="Clock Skew (minutes)",
        default=5,
        help="How far in the future the time a request was received may lie (clocks of phones and "
        "computers differ); facts recorded up to this much before it are accepted too.",
    )
    aftersales_portal_title_max = fields.Integer(
        string="Portal Title Limit (characters)", default=200
    )
    aftersales_portal_description_max = fields.Integer(
        string="Portal Description Limit (characters)", default=10000
    )
    aftersales_portal_photo_max_mb = fields.Float(string="Portal Photo Limit (MB)", default=5.0)
    aftersales_portal_submission_max_mb = fields.Float(
        string="Portal Submission Limit (MB)",
        default=15.0,
        help="All the photos of one request together.",
    )

    @api.constrains(
        "aftersales_clock_skew_minutes",
        "aftersales_portal_title_max",
        "aftersales_portal_description_max",
        "aftersales_portal_photo_max_mb",
        "aftersales_portal_submission_max_mb",
        "aftersales_warranty_months",
    )
    def _check_aftersales_input_limits(self):
        for company in self:
            if (
                company.aftersales_clock_skew_minutes < 0
                or min(
                    company.aftersales_portal_title_max,
                    company.aftersales_portal_description_max,
                    company.aftersales_portal_photo_max_mb,
                    company.aftersales_portal_submission_max_mb,
                )
                <= 0
            ):
                raise ValidationError(
                    self.env._(
                        "%(company)s: the clock skew cannot be negative and the portal limits must "
                        "be positive.",
                        company=company.name,
                    )
                )
            if not 1 <= company.aftersales_warranty_months <= WARRANTY_MONTHS_MAX:
                raise ValidationError(
                    self.env._(
                        "%(company)s: the default warranty must last from 1 to %(max)s months.",
                        company=company.name,
                        max=WARRANTY_MONTHS_MAX,
                    )
                )
