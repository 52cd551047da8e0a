from odoo import api, fields, models
from odoo.exceptions import ValidationError

# Every month has a 28th: a visit day up to it exists in every visit month.
VISIT_DAY_MAX = 28
# A bound on the milestone settings against typing errors (R42 sets no number): two years.
MILESTONE_MONTHS_MAX = 24


class ResCompany(models.Model):
    _inherit = "res.company"

    # R42: group visits twice a year, early June and early December.
    aftersales_visit_month_1 = fields.Integer(
        string="First Visit Month", default=6, help="Month of the first group visit (1-12)."
    )
    aftersales_visit_month_2 = fields.Integer(
        string="Second Visit Month", default=12, help="Month of the second group visit (1-12)."
    )
    aftersales_visit_day = fields.Integer(
        string="Visit Day",
        default=1,
        help="Visits are planned on the first working day from this day of the month (1-28).",
    )
    aftersales_visit_acceptance_months = fields.Integer(
        string="Visit after Acceptance (months)",
        default=1,
        help="The milestone visit after acceptance, this many months later.",
    )
    aftersales_visit_warranty_months_before = fields.Integer(
        string="Visit before Warranty End (months)",
        default=3,
        help="The milestone visit (in writing) this many months before the warranty ends.",
    )
    # R47: summer and winter inspections, planned before each season.
    aftersales_inspection_summer_month = fields.Integer(string="Summer Inspection Month", default=5)
    aftersales_inspection_winter_month = fields.Integer(
        string="Winter Inspection Month", default=11
    )

    @api.constrains(
        "aftersales_visit_month_1",
        "aftersales_visit_month_2",
        "aftersales_visit_day",
        "aftersales_visit_acceptance_months",
        "aftersales_visit_warranty_months_before",
        "aftersales_inspection_summer_month",
        "aftersales_inspection_winter_month",
    )
    def _check_aftersales_visit_numbers(self):
        for company in self:
            months = (
                company.aftersales_visit_month_1,
                company.aftersales_visit_month_2,
                company.aftersales_inspection_summer_month,
                company.aftersales_inspection_winter_month,
            )
            if any(not 1 <= month <= 12 for month in months):
                raise ValidationError(
                    self.env._("Visit and inspection months are between 1 and 12.")
                )
            if not 1 <= company.aftersales_visit_day <= VISIT_DAY_MAX:
                raise ValidationError(
                    self.env._("The visit day is between 1 and %(max)s.", max=VISIT_DAY_MAX)
                )
            if not (
                0 <= company.aftersales_visit_acceptance_months <= MILESTONE_MONTHS_MAX
                and 0 <= company.aftersales_visit_warranty_months_before <= MILESTONE_MONTHS_MAX
            ):
                raise ValidationError(
                    self.env._(
                        "Milestone visits are between 0 and %(max)s months away.",
                        max=MILESTONE_MONTHS_MAX,
                    )
                )
