from odoo import api, fields, models
from odoo.exceptions import ValidationError


class ResCompany(models.Model):
    _inherit = "res.company"

    # R44 quality: a new request on the same serial soon after a trip counts against it.
    aftersales_repeat_days = fields.Integer(
        string="Repeat Request Window (days)",
        default=30,
        help="A new request on the same equipment serial within this many days after a trip "
        "counts as a repeat request in the staff assessment.",
    )
    aftersales_statistics_sent_month = fields.Date(
        string="Statistics Sent For",
        readonly=True,
        copy=False,
        help="The last month whose statistics workbook was mailed to the after-sales managers.",
    )

    @api.constrains("aftersales_repeat_days")
    def _check_aftersales_repeat_days(self):
        if any(company.aftersales_repeat_days < 0 for company in self):
            raise ValidationError(self.env._("The repeat request window cannot be negative."))
