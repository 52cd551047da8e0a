from odoo import api, fields, models
from odoo.exceptions import UserError

from .aftersales_service_report import RATING, AftersalesServiceReport

ASPECTS = ("rating_speed", "rating_quality", "rating_attitude")


class AftersalesServiceReportSatisfaction(models.Model):
    """R23, R44: the satisfaction survey. When a report is ready to sign, the customer is
    invited once by e-mail to sign and rate it on the portal; the rating (overall and the three
    aspects R44 assesses: response speed, quality, attitude, each 1-5, and a comment) is the
    customer's only, through the portal's action."""

    _inherit = "aftersales.service.report"
    _aftersales_gated_fields = AftersalesServiceReport._aftersales_gated_fields + ASPECTS
    _WRITABLE_WHEN_SIGNED = AftersalesServiceReport._WRITABLE_WHEN_SIGNED | frozenset(
        ASPECTS + ("rating_invited_on",)
    )

    rating_speed = fields.Selection(RATING, string="Response Speed", copy=False, tracking=True)
    rating_quality = fields.Selection(RATING, string="Service Quality", copy=False, tracking=True)
    rating_attitude = fields.Selection(RATING, string="Service Attitude", copy=False, tracking=True)
    rating_invited_on = fields.Datetime(
        string="Survey Sent On",
        copy=False,
        readonly=True,
        help="When the customer was invited by e-mail to sign and rate this report (once).",
    )

    def _aftersales_ready_to_sign(self):
        """Reports whose work is described and tested: the customer can sign them."""
        ready = self.browse()
        for report in self.filtered(lambda r: r.state == "draft"):
            try:
                report._check_signable()
            except UserError:
                continue
            ready |= report
        return ready

    def _aftersales_send_invitation(self):
        """E-mail the customer's invitation to sign and rate, once per report (idempotent)."""
        template = self.env.ref(
            "aftersales_service.mail_template_service_report_invitation", raise_if_not_found=False
        )
        todo = self.sudo().filtered(
            lambda r: not r.rating_invited_on and r.partner_id.email and not r.rating
        )
        if not template or not todo:
            return self.browse()
        # Marked first, in the same transaction as the queued mail: a second call sends nothing.
        todo.write({"rating_invited_on": fields.Datetime.now()})
        for report in todo:
            report.message_post_with_source(
                template,
                subtype_xmlid="mail.mt_comment",
                partner_ids=report.partner_id.ids,
            )
        return todo

    @api.model_create_multi
    def create(self, vals_list):
        reports = super().create(vals_list)
        reports._aftersales_ready_to_sign()._aftersales_send_invitation()
        return reports

    def write(self, vals):
        res = super().write(vals)
        if not self.env.context.get("aftersales_no_invitation") and {
            "work_done",
            "test_result",
            "test_not_applicable",
            "test_not_applicable_reason",
            "ticket_id",
        } & set(vals):
            self._aftersales_ready_to_sign()._aftersales_send_invitation()
        return res

    def _action_rate(self, rating, comment, aspects=None):
        """The customer's rating, with the three aspects (each 1-5) when given."""
        aspects = {name: str(value) for name, value in (aspects or {}).items() if value}
        unknown = set(aspects) - set(ASPECTS)
        if unknown or any(value not in dict(RATING) for value in aspects.values()):
            raise UserError(
                self.env._("Response speed, quality and attitude are rated from 1 to 5.")
            )
        res = super()._action_rate(rating, comment)
        if aspects:
            self.sudo().write(aspects)
        return res
