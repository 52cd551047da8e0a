from odoo import api, fields, models
from odoo.exceptions import ValidationError


class HrEmployee(models.Model):
    _inherit = "hr.employee"

    # R43: the agreement is part of the assessment, which shows it when expired or missing.
    aftersales_nda_expiry = fields.Date(
        string="Confidentiality Agreement Expires On",
        groups="hr.group_hr_user",
        tracking=True,
        help="Leave empty if the agreement does not expire.",
    )

    @api.constrains("aftersales_nda_date", "aftersales_nda_expiry")
    def _check_aftersales_nda_expiry(self):
        for employee in self:
            signed, expiry = employee.aftersales_nda_date, employee.aftersales_nda_expiry
            if signed and expiry and expiry < signed:
                raise ValidationError(
                    self.env._(
                        "%(employee)s: the confidentiality agreement cannot expire before it "
                        "was signed.",
                        employee=employee.name,
                    )
                )
