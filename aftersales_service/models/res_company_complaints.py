from odoo import api, fields, models
from odoo.exceptions import ValidationError

# A bound on the setting against typing errors: twelve weeks of working days (R4 sets no number).
COMPLAINT_DAYS_MAX = 60


class ResCompany(models.Model):
    _inherit = "res.company"

    # R4: complaints are handled and followed up; how fast is the company's own rule.
    aftersales_complaint_days = fields.Integer(
        string="Complaint Handling (working days)",
        default=3,
        help="Working days from the receipt of a complaint to its resolution by its owner.",
    )

    @api.constrains("aftersales_complaint_days")
    def _check_aftersales_complaint_days(self):
        for company in self:
            if not 1 <= company.aftersales_complaint_days <= COMPLAINT_DAYS_MAX:
                raise ValidationError(
                    self.env._(
                        "%(company)s: a complaint must be handled within 1 to %(max)s working "
                        "days.",
                        company=company.name,
                        max=COMPLAINT_DAYS_MAX,
                    )
                )
