from datetime import timedelta

from odoo import api, fields, models
from odoo.exceptions import ValidationError


class AftersalesServiceReport(models.Model):
    """The arrival time written on the service report: when no trip recorded the arrival
    (a local engineer, a trip typed in later), the report's arrival is the request's on-site
    fact (R9-R10). It is locked with the rest of the report once signed."""

    _inherit = "aftersales.service.report"

    arrived_at = fields.Datetime(
        string="Arrived On Site At",
        copy=False,
        tracking=True,
        help="When the engineer arrived on site; it stops the request's on-site clock and "
        "cannot be later than the customer's signature.",
    )

    @api.constrains("arrived_at", "signed_on")
    def _check_arrived_at(self):
        now = fields.Datetime.now()
        for report in self.filtered("arrived_at"):
            skew = timedelta(minutes=report.company_id.aftersales_clock_skew_minutes)
            if report.signed_on and report.arrived_at > report.signed_on:
                raise ValidationError(
                    self.env._(
                        "Service report %(report)s: the arrival on site (%(arrived)s UTC) cannot "
                        "be later than the customer's signature (%(signed)s UTC).",
                        report=report.name,
                        arrived=report.arrived_at,
                        signed=report.signed_on,
                    )
                )
            if report.arrived_at > now + skew:
                raise ValidationError(
                    self.env._(
                        "Service report %(report)s: the arrival on site (%(arrived)s UTC) cannot "
                        "be in the future.",
                        report=report.name,
                        arrived=report.arrived_at,
                    )
                )

    @api.model_create_multi
    def create(self, vals_list):
        reports = super().create(vals_list)
        reports.filtered("arrived_at")._aftersales_report_arrival()
        return reports

    def write(self, vals):
        res = super().write(vals)
        if vals.get("arrived_at"):
            self._aftersales_report_arrival()
        if vals.get("state") == "signed":
            self.ticket_id._aftersales_follow_work()
        return res

    def _aftersales_report_arrival(self):
        for report in self:
            report.ticket_id._aftersales_record_onsite(report.arrived_at)
