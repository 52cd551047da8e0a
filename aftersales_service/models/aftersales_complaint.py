from odoo import api, fields, models
from odoo.exceptions import AccessError, UserError

from ..tools.access import internal_only

STATES = [
    ("new", "New"),
    ("handling", "Handling"),
    ("resolved", "Resolved"),
    ("closed", "Closed"),
]


class AftersalesComplaint(models.Model):
    """R4, R44: a customer complaint, received on the complaint hotline (phone), by e-mail or
    with the portal's "complain" button. Its own record, not a request: an owner handles it by a
    deadline (company setting, in working days), writes the resolution, and it closes only with
    the customer's confirmation (portal, the customer's own complaint) or the after-sales
    manager's reason. ``state`` and the closing facts go through the gate (actions only)."""

    _name = "aftersales.complaint"
    _description = "Complaint"
    _inherit = ["portal.mixin", "mail.thread", "mail.activity.mixin", "aftersales.gate.mixin"]
    _order = "received_at desc, id desc"
    _check_company_auto = True
    _mail_post_access = "read"
    _aftersales_gated_fields = (
        "state",
        "customer_confirmed_at",
        "closed_by_id",
        "closed_at",
    )

    name = fields.Char(
        string="Reference", required=True, readonly=True, copy=False, default="/", index="trigram"
    )
    company_id = fields.Many2one(
        "res.company", required=True, index=True, default=lambda self: self.env.company
    )
    partner_id = fields.Many2one(
        "res.partner",
        string="Customer",
        required=True,
        index=True,
        tracking=True,
        check_company=True,
    )
    commercial_partner_id = fields.Many2one(
        related="partner_id.commercial_partner_id",
        store=True,
        index=True,
        string="Customer Company",
    )
    project_id = fields.Many2one(
        "aftersales.project",
        string="Project",
        index=True,
        tracking=True,
        check_company=True,
        domain="[('commercial_partner_id', '=', commercial_partner_id)]",
    )
    ticket_id = fields.Many2one(
        "helpdesk.ticket",
        string="Request",
        index=True,
        tracking=True,
        check_company=True,
        help="The service request the complaint is about, if any.",
    )
    received_at = fields.Datetime(
        string="Received",
        required=True,
        default=fields.Datetime.now,
        tracking=True,
        help="When the complaint reached us; the handling deadline counts from it.",
    )
    channel_id = fields.Many2one(
        "helpdesk.ticket.channel",
        string="Channel",
        tracking=True,
        help="How the complaint reached us: the complaint hotline, e-mail, the portal …",
    )
    description = fields.Text(required=True)
    employee_id = fields.Many2one(
        "hr.employee",
        string="About Employee",
        tracking=True,
        check_company=True,
        help="Who the complaint is about, if anyone.",
    )
    state = fields.Selection(STATES, default="new", required=True, tracking=True, copy=False)
    user_id = fields.Many2one(
        "res.users",
        string="Owner",
        tracking=True,
        index=True,
        check_company=True,
        domain="[('share', '=', False)]",
        help="Who handles the complaint by its deadline.",
    )
    deadline = fields.Datetime(
        compute="_compute_deadline",
        store=True,
        readonly=False,
        tracking=True,
        help="When the handling must be resolved: working days after receipt (company setting).",
    )
    is_late = fields.Boolean(compute="_compute_is_late", string="Late")
    resolution = fields.Text(tracking=True)
    close_reason = fields.Text(
        string="Manager's Closing Reason",
        tracking=True,
        help="Closing without the customer's confirmation needs the after-sales manager's reason.",
    )
    customer_confirmed_at = fields.Datetime(
        string="Confirmed by the Customer", copy=False, readonly=True
    )
    closed_by_id = fields.Many2one("res.users", string="Closed By", copy=False, readonly=True)
    closed_at = fields.Datetime(string="Closed On", copy=False, readonly=True)

    @api.depends("received_at", "company_id.aftersales_complaint_days")
    def _compute_deadline(self):
        for complaint in self:
            company = complaint.company_id or self.env.company
            if not complaint.received_at:
                complaint.deadline = False
                continue
            complaint.deadline = company._aftersales_work_calendar().add_working_days(
                complaint.received_at, company.aftersales_complaint_days
            )

    @api.depends("deadline", "state")
    def _compute_is_late(self):
        now = fields.Datetime.now()
        for complaint in self:
            complaint.is_late = bool(
                complaint.deadline
                and complaint.state in ("new", "handling")
                and complaint.deadline < now
            )

    @api.model_create_multi
    def create(self, vals_list):
        for vals in vals_list:
            if vals.get("name", "/") == "/":
                vals["name"] = (
                    self.env["ir.sequence"]
                    .with_company(vals.get("company_id") or self.env.company.id)
                    .next_by_code("aftersales.complaint")
                    or "/"
                )
        return super().create(vals_list)

    def write(self, vals):
        if {"resolution", "close_reason", "description"} & set(vals) and not self.env.su:
            if self.filtered(lambda c: c.state == "closed"):
                raise UserError(self.env._("A closed complaint is a record: it cannot be changed."))
        return super().write(vals)

    def _compute_access_url(self):
        res = super()._compute_access_url()
        for complaint in self:
            complaint.access_url = f"/my/aftersales/complaints/{complaint.id}"
        return res

    @internal_only()
    def action_share(self):
        return super().action_share()

    def _refuse(self, message):
        if self:
            raise UserError(message % {"complaints": ", ".join(self.mapped("name"))})

    # ------------------------------------------------------------------ actions (the gate)
    @internal_only("aftersales_service.group_aftersales_user")
    def action_handle(self):
        """The owner takes the complaint (the current user when none is set)."""
        self.filtered(lambda c: c.state != "new")._refuse(
            self.env._("Only new complaints can be taken into handling: %(complaints)s.")
        )
        for complaint in self.filtered(lambda c: not c.user_id):
            complaint.user_id = self.env.user
        self._aftersales_gate_write({"state": "handling"})
        return True

    @internal_only("aftersales_service.group_aftersales_user")
    def action_resolve(self):
        """The resolution is written; the customer is asked to confirm it on the portal."""
        self.filtered(lambda c: c.state != "handling")._refuse(
            self.env._("Only complaints in handling can be resolved: %(complaints)s.")
        )
        self.filtered(lambda c: not (c.resolution or "").strip())._refuse(
            self.env._("Write the resolution before resolving: %(complaints)s.")
        )
        self._aftersales_gate_write({"state": "resolved"})
        for complaint in self:
            complaint.message_post(
                body=self.env._(
                    "Your complaint %(name)s is resolved: please confirm it on your portal.",
                    name=complaint.name,
                ),
                partner_ids=complaint.partner_id.ids,
                subtype_xmlid="mail.mt_comment",
            )
        return True

    def _action_customer_confirm(self):
        """Private: only the portal calls it, for the customer whose complaint it is."""
        self.ensure_one()
        user = self.env.user
        if user.partner_id.commercial_partner_id != self.commercial_partner_id:
            raise AccessError(
                self.env._("Only the customer who complained can confirm the resolution.")
            )
        if self.state != "resolved":
            raise UserError(self.env._("Only a resolved complaint can be confirmed."))
        self.sudo().write(
            {
                "state": "closed",
                "customer_confirmed_at": fields.Datetime.now(),
                "closed_at": fields.Datetime.now(),
            }
        )
        self.sudo().message_post(
            body=self.env._("The customer confirmed the resolution; the complaint is closed."),
            author_id=user.partner_id.id,
        )
        self.sudo()._aftersales_file_record()
        return True

    @internal_only("aftersales_service.group_aftersales_user")
    def action_close(self):
        """Closing without the customer's confirmation: the after-sales manager, with a reason."""
        if not self.env.user.has_group("aftersales_service.group_aftersales_manager"):
            raise AccessError(
                self.env._(
                    "Only the after-sales manager can close a complaint the customer has not "
                    "confirmed."
                )
            )
        self.filtered(lambda c: c.state == "closed")._refuse(
            self.env._("Already closed: %(complaints)s.")
        )
        self.filtered(lambda c: not (c.close_reason or "").strip())._refuse(
            self.env._(
                "Write the reason for closing without the customer's confirmation: %(complaints)s."
            )
        )
        self._aftersales_gate_write(
            {
                "state": "closed",
                "closed_by_id": self.env.user.id,
                "closed_at": fields.Datetime.now(),
            }
        )
        self._aftersales_file_record()
        return True

    def _aftersales_file_record(self):
        """The closed complaint's record is filed in its project's archive (visits and
        complaints sub-item): the PDF's name names the kind of document."""
        report_action = self.env.ref("aftersales_service.aftersales_complaint_action_report")
        Attachment = self.env["ir.attachment"].sudo()
        for complaint in self.filtered("project_id"):
            lang = complaint.partner_id.lang or self.env.lang
            content, __ = report_action.with_context(
                lang=lang, aftersales_archive_no_filing=True
            )._render_qweb_pdf(report_action.report_name, complaint.ids)
            Attachment.create(
                {
                    "name": self.env._("Complaint %(name)s.pdf", name=complaint.name).replace(
                        "/", "-"
                    ),
                    "type": "binary",
                    "raw": content,
                    "mimetype": "application/pdf",
                    "res_model": complaint._name,
                    "res_id": complaint.id,
                }
            )
        return True
