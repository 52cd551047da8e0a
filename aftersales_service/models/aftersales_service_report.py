from odoo import api, fields, models
from odoo.exceptions import AccessError, UserError, ValidationError

from ..tools.access import internal_only
from ..tools.qr import qr_data_uri
from .aftersales_archive_entry import content_checksum

TEST_RESULT = [("pass", "Passed"), ("fail", "Failed")]
REPORT_STATE = [("draft", "To Sign"), ("signed", "Signed"), ("settled", "Settled")]
RATING = [
    ("1", "Very Dissatisfied"),
    ("2", "Dissatisfied"),
    ("3", "Neutral"),
    ("4", "Satisfied"),
    ("5", "Very Satisfied"),
]


class AftersalesServiceReport(models.Model):
    """The service report (service contact sheet) of one piece of work on a request.

    R23: the engineer fills it, the customer accepts the work by signing it (portal signature
    or the engineer's tablet), customer service checks it and settles it.
    R24: it records what was done, the test after repair and how to maintain the equipment.
    Once signed its content is locked; only the customer's rating (R44) and the settlement
    may still be written (`_WRITABLE_WHEN_SIGNED`). The report belongs to a request
    (`ticket_id`); a module that also files it on a trip adds its own many2one in an
    `_inherit` and is locked with the rest without further code.
    """

    _name = "aftersales.service.report"
    _description = "Service Report"
    _inherit = ["portal.mixin", "mail.thread", "mail.activity.mixin", "aftersales.gate.mixin"]
    _order = "id desc"
    _check_company_auto = True
    # Signed only by signing (signature and PDF, R23), settled only by settling, rated only by
    # the customer through the portal (R44).
    _aftersales_gated_fields = (
        "state",
        "signature",
        "signed_by",
        "signed_on",
        "signed_attachment_id",
        "settled_by_id",
        "settled_on",
        "rating",
        "rating_comment",
        "rated_on",
    )

    name = fields.Char(
        string="Reference", required=True, readonly=True, copy=False, default="/", index="trigram"
    )
    ticket_id = fields.Many2one(
        "helpdesk.ticket",
        string="Request",
        required=True,
        index=True,
        ondelete="restrict",
        tracking=True,
        check_company=True,
    )
    company_id = fields.Many2one(related="ticket_id.company_id", store=True, index=True)
    project_id = fields.Many2one(
        related="ticket_id.aftersales_project_id", store=True, index=True, string="Project"
    )
    lot_id = fields.Many2one(related="ticket_id.lot_id", string="Equipment Serial")
    partner_id = fields.Many2one(related="ticket_id.partner_id", string="Customer Contact")
    commercial_partner_id = fields.Many2one(
        "res.partner",
        string="Customer",
        compute="_compute_commercial_partner_id",
        store=True,
        index=True,
    )
    engineer_id = fields.Many2one(
        "res.users",
        string="Engineer",
        default=lambda self: self.env.user,
        domain="[('share', '=', False)]",
        tracking=True,
    )
    service_date = fields.Date(
        default=lambda self: self.env.company._aftersales_today(), required=True
    )
    work_done = fields.Text(tracking=True)
    parts_used = fields.Text()
    test_description = fields.Text(
        string="Test After Repair", help="How the equipment was tested after the repair (R24)."
    )
    test_result = fields.Selection(TEST_RESULT, tracking=True)
    test_not_applicable = fields.Boolean(
        string="No Test Applicable",
        tracking=True,
        help="The work cannot be proven by a test after repair (R24); say why.",
    )
    test_not_applicable_reason = fields.Text(string="Why No Test")
    maintenance_advice = fields.Text(help="How the customer should maintain the equipment (R24).")
    hours = fields.Float(string="Hours Worked", digits=(10, 2))
    state = fields.Selection(
        REPORT_STATE, default="draft", required=True, readonly=True, tracking=True, copy=False
    )
    signature = fields.Image(
        string="Customer Signature", copy=False, attachment=True, max_width=1024, max_height=1024
    )
    signed_by = fields.Char(copy=False, tracking=True)
    signed_on = fields.Datetime(copy=False, readonly=True, tracking=True)
    settled_by_id = fields.Many2one("res.users", string="Settled By", copy=False, readonly=True)
    settled_on = fields.Datetime(copy=False, readonly=True)
    rating = fields.Selection(RATING, copy=False, tracking=True)
    rating_value = fields.Integer(
        compute="_compute_rating_value",
        store=True,
        precompute=True,
        aggregator="avg",
        string="Rating (1-5)",
    )
    rating_comment = fields.Text(copy=False)
    rated_on = fields.Datetime(copy=False, readonly=True)
    signed_attachment_id = fields.Many2one(
        "ir.attachment", string="Signed PDF", copy=False, readonly=True
    )

    # Fields that may still change once the customer has signed (R23, R44); everything
    # else, including fields added by other modules, is locked.
    _WRITABLE_WHEN_SIGNED = frozenset(
        {
            "state",
            "settled_by_id",
            "settled_on",
            "rating",
            "rating_comment",
            "rated_on",
            "signed_attachment_id",
            "access_token",
        }
    )

    @api.depends("ticket_id.partner_id.commercial_partner_id", "project_id.commercial_partner_id")
    def _compute_commercial_partner_id(self):
        for report in self:
            report.commercial_partner_id = (
                report.project_id.commercial_partner_id
                or report.ticket_id.partner_id.commercial_partner_id
            )

    @api.depends("rating")
    def _compute_rating_value(self):
        for report in self:
            report.rating_value = int(report.rating) if report.rating else 0

    @api.constrains("hours")
    def _check_hours(self):
        for report in self:
            if report.hours < 0:
                raise ValidationError(
                    self.env._(
                        "Service report %(report)s: hours cannot be negative.", report=report.name
                    )
                )

    @api.model_create_multi
    def create(self, vals_list):
        for vals in vals_list:
            if vals.get("name", "/") == "/":
                vals["name"] = self.env["ir.sequence"].next_by_code("aftersales.service.report")
        reports = super().create(vals_list)
        reports._check_assignment()
        return reports

    def _is_locked_write(self, vals):
        locked = set(vals) - self._WRITABLE_WHEN_SIGNED
        return {
            name
            for name in locked
            if not name.startswith(("message_", "activity_", "website_message"))
        }

    def _refuse(self, message):
        """Raise `message` naming the reports in self (placeholder %(reports)s), if any."""
        if self:
            raise UserError(message % {"reports": ", ".join(self.mapped("name"))})

    def write(self, vals):
        signed = self.filtered(lambda r: r.state != "draft")
        # A signature is never undone, and the signed PDF, once filed, is never replaced.
        if (
            self._is_locked_write(vals)
            or vals.get("state", "signed") == "draft"
            or ("signed_attachment_id" in vals and signed.signed_attachment_id)
        ):
            signed._refuse(
                self.env._(
                    "Service report %(reports)s is signed by the customer and can no longer "
                    "be changed."
                )
            )
        if "ticket_id" in vals and not self.env.su:
            customer = (
                self.env["helpdesk.ticket"].browse(vals["ticket_id"]).sudo().commercial_partner_id
            )
            self.filtered(
                lambda r: r.ticket_id and r.ticket_id.sudo().commercial_partner_id != customer
            )._refuse(
                self.env._(
                    "Service report %(reports)s cannot be moved to another customer's request."
                )
            )
        res = super().write(vals)
        if {"ticket_id", "dispatch_id"} & set(vals):
            self._check_assignment()
        return res

    def _aftersales_assigned(self, user):
        """Whether ``user`` is assigned to the work of this report: the request is theirs
        (the dispatch addon adds: or they are an engineer of the report's trip)."""
        self.ensure_one()
        return self.ticket_id.user_id == user

    def _check_assignment(self):
        """Engineers act only on what they are assigned; the back office acts for everyone."""
        if self.env.su or self.env.user.has_group("aftersales_service.group_aftersales_user"):
            return
        self.sudo().filtered(lambda r: not r._aftersales_assigned(self.env.user))._refuse(
            self.env._(
                "Service report %(reports)s: you may only report on your own trips and on the "
                "requests assigned to you."
            )
        )

    @api.ondelete(at_uninstall=False)
    def _unlink_except_signed(self):
        self.filtered(lambda r: r.state != "draft")._refuse(
            self.env._(
                "Service report %(reports)s is signed by the customer and cannot be deleted."
            )
        )

    def _compute_access_url(self):
        res = super()._compute_access_url()
        for report in self:
            report.access_url = f"/my/aftersales/reports/{report.id}"
        return res

    @internal_only()
    def action_preview_report(self):
        self.ensure_one()
        return {"type": "ir.actions.act_url", "target": "self", "url": self.get_portal_url()}

    def _get_report_base_filename(self):
        self.ensure_one()
        return self.env._("Service Report %(name)s", name=self.name)

    def _portal_qr_url(self):
        """The address the QR code opens: the report's portal page with its access token."""
        self.ensure_one()
        return self.get_base_url() + self.get_portal_url()

    def _portal_qr_code(self):
        """A PNG data URI of the QR code printed on the report."""
        return qr_data_uri(self._portal_qr_url())

    def _check_signable(self):
        for report in self:
            if report.state != "draft":
                raise UserError(
                    self.env._("Service report %(report)s is already signed.", report=report.name)
                )
            if not report.work_done:
                raise UserError(
                    self.env._(
                        "Service report %(report)s: describe the work done before the customer "
                        "signs.",
                        report=report.name,
                    )
                )
            # R24: a test after repair proves the work; a failed test is not signed off.
            if report.test_result == "fail":
                raise UserError(
                    self.env._(
                        "Service report %(report)s: the test after repair failed; the work "
                        "cannot be signed off.",
                        report=report.name,
                    )
                )
            if report.test_result != "pass" and not (
                report.test_not_applicable and (report.test_not_applicable_reason or "").strip()
            ):
                raise UserError(
                    self.env._(
                        "Service report %(report)s: record a passed test after repair, or mark "
                        "that no test applies and say why, before the customer signs.",
                        report=report.name,
                    )
                )

    def _action_sign(self, signed_by, signature):
        """Record the customer's signature (R23), lock the report, file the signed PDF on the
        project."""
        self._check_signable()
        if not signed_by or not signature:
            raise UserError(self.env._("The customer's name and signature are both required."))
        self._aftersales_gate_write(
            {
                "signed_by": signed_by,
                "signature": signature,
                "signed_on": fields.Datetime.now(),
                "state": "signed",
            }
        )
        self._attach_signed_pdf()
        return True

    @internal_only("aftersales_service.group_aftersales_engineer")
    def action_sign(self):
        """Back-office signing, e.g. on the engineer's tablet: the customer signs in a dialog."""
        self.ensure_one()
        self.check_access("write")
        self._check_signable()
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Customer Signature"),
            "res_model": "aftersales.service.report.sign",
            "views": [(False, "form")],
            "target": "new",
            "context": {"default_report_id": self.id},
        }

    def _attach_signed_pdf(self):
        report_action = self.env.ref("aftersales_service.aftersales_service_report_action_report")
        attachments = self.env["ir.attachment"]
        for report in self:
            lang = report.partner_id.lang or report.commercial_partner_id.lang or self.env.lang
            content, __ = report_action.with_context(
                lang=lang, aftersales_archive_no_filing=True
            )._render_qweb_pdf(report_action.report_name, report.ids)
            res_model, res_id = (
                ("aftersales.project", report.project_id.id)
                if report.project_id
                else ("helpdesk.ticket", report.ticket_id.id)
            )
            attachment = (
                attachments.sudo()
                .with_context(aftersales_archive_no_filing=True)
                .create(
                    {
                        "name": f"{report._get_report_base_filename()}.pdf",
                        "type": "binary",
                        "raw": content,
                        "mimetype": "application/pdf",
                        "res_model": res_model,
                        "res_id": res_id,
                    }
                )
            )
            report.sudo().signed_attachment_id = attachment
            # Filed once, under the service reports' category; the archive keeps its own copy (R39).
            self.env["aftersales.archive.entry"].sudo()._file_attachments(
                attachment.sudo(),
                origin="report",
                report_xmlid=report_action.xml_id,
                checksums={attachment.id: content_checksum(content)},
                sources={attachment.id: (report._name, report.id)},
            )
            report.sudo().message_post(
                body=self.env._("Signed by %(name)s.", name=report.signed_by),
                attachment_ids=attachment.ids,
            )
            attachments |= attachment
        return attachments

    def _aftersales_archive_prints(self):
        """Printouts of service reports are not filed: the signed PDF is, once, when the
        customer signs (a draft is not a record of anything)."""
        return self.browse()

    def action_settle(self):
        """R23: customer service checks the signed report and settles it."""
        if not self.env.user.has_group("aftersales_service.group_aftersales_user"):
            raise AccessError(
                self.env._("Only customer service can check and settle service reports.")
            )
        self.filtered(lambda r: r.state != "signed")._refuse(
            self.env._("Only signed reports can be settled: %(reports)s.")
        )
        self._aftersales_gate_write(
            {
                "state": "settled",
                "settled_by_id": self.env.user.id,
                "settled_on": fields.Datetime.now(),
            }
        )
        for report in self:
            report.ticket_id.message_post(
                body=self.env._(
                    "Service report %(report)s checked and settled.", report=report.name
                )
            )
        return True

    def _action_rate(self, rating, comment):
        """R44: the customer rates the service once, after signing. Private: only the portal
        calls it, for the customer whose report it is; staff never write a rating."""
        self.ensure_one()
        if self.state == "draft":
            raise UserError(self.env._("The service can be rated once the report is signed."))
        if self.rating:
            raise UserError(
                self.env._("Service report %(report)s is already rated.", report=self.name)
            )
        if str(rating) not in dict(RATING):
            raise UserError(self.env._("A rating must be between 1 and 5."))
        self.sudo().write(
            {
                "rating": str(rating),
                "rating_comment": comment or False,
                "rated_on": fields.Datetime.now(),
            }
        )
        self.ticket_id.message_post(
            body=self.env._(
                "The customer rated service report %(report)s: %(rating)s/5.",
                report=self.name,
                rating=rating,
            )
        )
        return True
