from dateutil.relativedelta import relativedelta

from odoo import api, fields, models
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.osv import expression
from odoo.tools import SQL

from odoo.addons.aftersales_service.tools.access import internal_only

RETENTION_STATES = [
    ("pending", "Pending"),
    ("reminded", "Reminded"),
    ("collected", "Collected"),
    ("disputed", "Disputed"),
    ("escalated", "Escalated"),
]
# One cron call handles one batch of each step; the cron runner commits it and calls again
# while `_notify_progress` reports work remaining. Deciding and recording is cheap (thousands a
# second); an e-mail renders its letter through Odoo's report engine (one wkhtmltopdf run each,
# about a second), so the e-mails go in small batches that keep a cron call short.
REMINDER_BATCH_SIZE = 2000
MAIL_BATCH_SIZE = 20


class AftersalesRetention(models.Model):
    """Retention money (quality guarantee deposit) of a project, due when its warranty ends.

    R30: the customer gets a reminder letter one month (setting) before the due date, once.
    R32: an open dispute pauses the reminders. R33: overdue without a dispute → escalation.
    """

    _name = "aftersales.retention"
    _description = "Retention Money"
    _inherit = ["mail.thread", "mail.activity.mixin", "aftersales.gate.mixin"]
    _order = "due_date, id"
    _check_company_auto = True
    # Reminded, disputed and escalated by their actions; collected only by the reconciliation
    # of its payment (R30, R32, R33).
    _aftersales_gated_fields = (
        "state",
        "collected_on",
        "reminded_on",
        "reminder_to_send",
        "ageing_alerted_on",
    )

    name = fields.Char(
        string="Reference",
        required=True,
        readonly=True,
        copy=False,
        default=lambda self: self.env._("New"),
    )
    project_id = fields.Many2one(
        "aftersales.project",
        string="Project",
        required=True,
        index=True,
        ondelete="restrict",
        tracking=True,
        check_company=True,
    )
    company_id = fields.Many2one(
        "res.company",
        required=True,
        index=True,
        compute="_compute_company_id",
        store=True,
        readonly=False,
        precompute=True,
    )
    partner_id = fields.Many2one(
        related="project_id.partner_id", store=True, index=True, string="Customer"
    )
    currency_id = fields.Many2one(related="company_id.currency_id")
    amount_type = fields.Selection(
        [("fixed", "Fixed Amount"), ("percent", "Percentage of Contract")],
        default="fixed",
        required=True,
    )
    # R29/R30: the company's retention percentage, the one definition of its default.
    percent = fields.Float(
        string="Percentage",
        digits=(5, 2),
        default=lambda self: self.env.company.aftersales_retention_percent,
    )
    contract_amount = fields.Monetary(
        compute="_compute_contract_amount",
        store=True,
        readonly=False,
        precompute=True,
        help="Contract value the percentage applies to; taken from the project's contract.",
    )
    amount = fields.Monetary(
        compute="_compute_amount",
        store=True,
        readonly=False,
        precompute=True,
        tracking=True,
        required=True,
    )
    due_date = fields.Date(
        compute="_compute_due_date",
        store=True,
        index=True,
        help="The project's warranty end; it follows the warranty when that changes.",
    )
    reminder_date = fields.Date(
        compute="_compute_reminder_date",
        store=True,
        index=True,
        help="The reminder goes out on this day: the due date minus the reminder lead time.",
    )
    move_id = fields.Many2one(
        "account.move",
        string="Invoice",
        index="btree_not_null",
        check_company=True,
        domain="[('move_type', '=', 'out_invoice'), ('partner_id.commercial_partner_id', '=', "
        "commercial_partner_id)]",
        tracking=True,
    )
    move_line_id = fields.Many2one(
        "account.move.line",
        string="Journal Item",
        compute="_compute_move_line_id",
        store=True,
        readonly=False,
        index="btree_not_null",
        check_company=True,
        domain="[('account_type', '=', 'asset_receivable'), ('reconciled', '=', False), "
        "('partner_id.commercial_partner_id', '=', commercial_partner_id), "
        "('parent_state', '=', 'posted')]",
        help="Receivable journal item the retention is paid against; once it is reconciled "
        "the retention is collected.",
    )
    commercial_partner_id = fields.Many2one(related="project_id.commercial_partner_id")
    state = fields.Selection(
        RETENTION_STATES, default="pending", required=True, tracking=True, index=True, copy=False
    )
    reminded_on = fields.Date(readonly=True, copy=False)
    reminder_to_send = fields.Boolean(
        readonly=True,
        copy=False,
        index=True,
        help="The reminder is recorded; its e-mail with the letter is still to be queued.",
    )
    collected_on = fields.Date(readonly=True, copy=False)
    ageing_alerted_on = fields.Date(
        string="Ageing Limit Alerted On",
        readonly=True,
        copy=False,
        help="Day the retention money crossed the ageing limit and alerted the manager (R34).",
    )
    dispute_ids = fields.One2many("aftersales.retention.dispute", "retention_id", string="Disputes")
    escalation_ids = fields.One2many(
        "aftersales.retention.escalation", "retention_id", string="Escalations"
    )
    overdue_days = fields.Integer(compute="_compute_overdue_days")
    # Live, from today's date (not from a nightly job): what the cron would do today.
    reminder_due = fields.Boolean(
        compute="_compute_live_flags",
        search="_search_reminder_due",
        help="The reminder date has come and the reminder has not gone out yet (R30).",
    )
    needs_escalation = fields.Boolean(
        compute="_compute_live_flags",
        search="_search_needs_escalation",
        help="Overdue for longer than the escalation delay, without a dispute, never escalated "
        "(R33).",
    )
    note = fields.Text()

    _sql_constraints = [
        ("amount_positive", "CHECK(amount >= 0)", "A retention amount cannot be negative."),
    ]

    @api.depends("project_id")
    def _compute_company_id(self):
        for retention in self:
            retention.company_id = retention.project_id.company_id or self.env.company

    @api.depends("project_id.sale_order_id.amount_total")
    def _compute_contract_amount(self):
        for retention in self:
            order = retention.project_id.sale_order_id
            if order:
                retention.contract_amount = order.amount_total
            elif not retention.contract_amount:
                retention.contract_amount = 0.0

    @api.depends("amount_type", "percent", "contract_amount")
    def _compute_amount(self):
        for retention in self:
            if retention.amount_type == "percent":
                retention.amount = retention.currency_id.round(
                    retention.contract_amount * retention.percent / 100.0
                )
            elif not retention.amount:
                retention.amount = 0.0

    @api.depends("project_id.warranty_end")
    def _compute_due_date(self):
        for retention in self:
            retention.due_date = retention.project_id.warranty_end

    @api.depends("due_date", "company_id.aftersales_retention_reminder_months")
    def _compute_reminder_date(self):
        for retention in self:
            months = retention.company_id.aftersales_retention_reminder_months
            retention.reminder_date = retention.due_date and retention.due_date - relativedelta(
                months=max(months, 0)
            )

    @api.depends("move_id.line_ids.account_type")
    def _compute_move_line_id(self):
        for retention in self:
            lines = retention.move_id.line_ids.filtered(
                lambda line: line.account_type == "asset_receivable"
            )
            if len(lines) == 1 or (lines and not retention.move_line_id):
                retention.move_line_id = lines[:1]

    def _compute_overdue_days(self):
        today = self.env.company._aftersales_today()
        for retention in self:
            late = retention.state != "collected" and retention.due_date
            retention.overdue_days = max((today - retention.due_date).days, 0) if late else 0

    def _compute_live_flags(self):
        today = self.env.company._aftersales_today()
        reminder_due = self.filtered_domain(self._reminder_due_domain(today))
        needs_escalation = self.filtered_domain(self._escalation_due_domain(today))
        for retention in self:
            retention.reminder_due = retention in reminder_due
            retention.needs_escalation = retention in needs_escalation

    def _search_live_flag(self, operator, value, domain):
        if operator not in ("=", "!="):
            raise UserError(self.env._("Operation not supported"))
        if (operator == "=") == bool(value):
            return domain
        return ["!", *expression.normalize_domain(domain)]

    def _search_reminder_due(self, operator, value):
        today = self.env.company._aftersales_today()
        return self._search_live_flag(operator, value, self._reminder_due_domain(today))

    def _search_needs_escalation(self, operator, value):
        today = self.env.company._aftersales_today()
        return self._search_live_flag(operator, value, self._escalation_due_domain(today))

    @api.constrains("amount_type", "percent")
    def _check_percent(self):
        for retention in self:
            if retention.amount_type == "percent" and not 0 < retention.percent <= 100:
                raise ValidationError(
                    self.env._(
                        "Retention %(name)s: the percentage must be between 0 and 100.",
                        name=retention.name,
                    )
                )

    @api.model_create_multi
    def create(self, vals_list):
        for vals in vals_list:
            if vals.get("name", self.env._("New")) == self.env._("New"):
                vals["name"] = self.env["ir.sequence"].next_by_code("aftersales.retention")
        return super().create(vals_list)

    @api.ondelete(at_uninstall=False)
    def _unlink_except_reminded(self):
        if self.filtered(lambda r: r.state != "pending"):
            raise UserError(self.env._("Only pending retention money can be deleted."))

    # ------------------------------------------------------------------ reminders (R30)
    @api.model
    def _reminder_due_domain(self, today):
        return [("state", "=", "pending"), ("reminder_date", "<=", today), ("amount", ">", 0)]

    @api.model
    def _escalation_due_domain(self, today):
        """Overdue for the company's escalation delay, no dispute open, never escalated (R33)."""
        per_company = [
            [
                ("company_id", "=", company.id),
                ("due_date", "<", today - relativedelta(days=company.aftersales_escalation_days)),
            ]
            for company in self.env["res.company"].sudo().search([])
        ]
        return expression.AND(
            [
                [("state", "in", ("pending", "reminded")), ("escalation_ids", "=", False)],
                expression.OR(per_company) if per_company else expression.FALSE_DOMAIN,
            ]
        )

    @api.model
    def _cron_send_reminders(self, batch_size=REMINDER_BATCH_SIZE, mail_batch_size=MAIL_BATCH_SIZE):
        """Daily: record the due reminders, queue their e-mails, propose escalations (R30, R33).

        Each call handles one batch of each step and commits nothing (Odoo 18's batched cron):
        the cron runner commits the call and calls again as long as `_notify_progress` reports
        work remaining; outside a cron run the progress is not recorded and the caller calls
        again while the returned count is not 0. A recorded reminder leaves the `pending` state
        with `reminder_to_send` set; its e-mail is queued in the transaction that clears it. An
        interrupted call leaves nothing half-done (its transaction is rolled back), and the next
        one sends exactly the rest, never an e-mail twice.
        """
        today = self.env.company._aftersales_today()
        due = self.search(
            self._reminder_due_domain(today), limit=batch_size, order="reminder_date, id"
        )
        due._record_reminders()
        to_mail = self._lock_to_mail(mail_batch_size)
        to_mail._queue_reminder_mails()
        overdue = self.search(self._escalation_due_domain(today), limit=batch_size)
        overdue._escalate()
        remaining = 0
        if len(due) == batch_size or len(to_mail) == mail_batch_size or len(overdue) == batch_size:
            remaining = (
                self.search_count(self._reminder_due_domain(today))
                + self.search_count([("reminder_to_send", "=", True)])
                + self.search_count(self._escalation_due_domain(today))
            )
        self.env["ir.cron"]._notify_progress(
            done=len(due) + len(to_mail) + len(overdue), remaining=remaining
        )
        return remaining

    @internal_only("aftersales_service.group_aftersales_user")
    def action_send_reminder(self):
        """Send the reminders of the selection, once each, from a button or a list (R30).

        The rows still pending are locked first (`FOR UPDATE SKIP LOCKED`): the state and the
        queued e-mail are written in this one transaction, and a second sender at the same
        moment skips what this one holds or has already sent instead of sending it again."""
        sendable = self._lock_pending()
        sendable._send_reminders()
        skipped = self - sendable
        if not skipped:
            return True
        return {
            "type": "ir.actions.client",
            "tag": "display_notification",
            "params": {
                "type": "warning",
                "sticky": False,
                "message": self.env._(
                    "Reminders sent: %(sent)s. Skipped (already reminded, not pending, or being "
                    "sent by someone else right now): %(names)s.",
                    sent=len(sendable),
                    names=", ".join(skipped.mapped("name")),
                ),
                "next": {"type": "ir.actions.act_window_close"},
            },
        }

    def _lock_pending(self):
        """The retention money of `self` still pending, locked for this transaction; rows
        another transaction holds are skipped, not waited for."""
        if not self:
            return self
        self.flush_recordset(["state"])
        self.env.cr.execute(
            SQL(
                "SELECT id FROM aftersales_retention WHERE id IN %s AND state = 'pending' "
                "ORDER BY id FOR UPDATE SKIP LOCKED",
                tuple(self.ids),
            )
        )
        locked = self.browse([row[0] for row in self.env.cr.fetchall()])
        # What another transaction committed meanwhile is read again.
        self.invalidate_recordset(["state", "reminded_on", "reminder_to_send"])
        return locked

    @api.model
    def _lock_to_mail(self, limit):
        """Up to `limit` recorded reminders whose e-mail is still to queue, locked for this
        transaction; rows another sender holds are skipped (`FOR UPDATE SKIP LOCKED`)."""
        self.flush_model(["reminder_to_send"])
        self.env.cr.execute(
            SQL(
                "SELECT id FROM aftersales_retention WHERE reminder_to_send "
                "ORDER BY id LIMIT %s FOR UPDATE SKIP LOCKED",
                limit,
            )
        )
        locked = self.browse([row[0] for row in self.env.cr.fetchall()])
        locked.invalidate_recordset(["state", "reminder_to_send"])
        return locked

    @api.model
    def action_run_reminders_now(self):
        """Managers: run the daily reminders and escalations now, through their cron (one call
        in this request; the cron runner goes on in the background if work remains)."""
        if not self.env.company._aftersales_is_decider("manager"):
            raise AccessError(
                self.env._("Only the after-sales managers can run the reminders now.")
            )
        for xmlid in (
            "aftersales_collection.ir_cron_retention_reminders",
            "aftersales_collection.ir_cron_final_payment_escalations",
        ):
            cron = self.env.ref(xmlid).sudo()
            cron.method_direct_trigger()
            progress = (
                self.env["ir.cron.progress"]
                .sudo()
                .search([("cron_id", "=", cron.id)], order="id desc", limit=1)
            )
            if progress.remaining:
                cron._trigger()
        return {
            "type": "ir.actions.client",
            "tag": "display_notification",
            "params": {
                "type": "success",
                "message": self.env._("Reminders and escalations of today are done."),
                "next": {"type": "ir.actions.client", "tag": "soft_reload"},
            },
        }

    def _send_reminders(self):
        self._record_reminders()
        self._queue_reminder_mails()

    def _record_reminders(self):
        """Decide and record: the retention money is reminded today, its e-mail is due."""
        self.with_context(tracking_disable=True)._aftersales_gate_write(
            {
                "state": "reminded",
                "reminded_on": self.env.company._aftersales_today(),
                "reminder_to_send": True,
            }
        )

    def _queue_reminder_mails(self):
        """Queue the reminder e-mails through their `mail.template`: the body in the customer's
        language, the letter attached as a PDF by the template's report (`report_template_ids`),
        each e-mail the chatter entry of its retention; then the reminder is no longer to send.
        Called in the transaction that recorded the reminder or on rows the caller holds
        (`_lock_to_mail`), so a reminder is queued once. Returns the queued `mail.mail`."""
        if not self:
            return self.env["mail.mail"]
        template = self.env.ref("aftersales_collection.mail_template_retention_reminder")
        mails = template.send_mail_batch(self.ids)
        self.with_context(tracking_disable=True)._aftersales_gate_write({"reminder_to_send": False})
        return mails

    # ------------------------------------------------------------------ escalation (R33)
    def _proposed_measure(self, today):
        self.ensure_one()
        return self.env["aftersales.retention.escalation"]._measure_for(
            (today - self.due_date).days, self.company_id
        )

    def _escalate(self):
        if not self:
            return self.env["aftersales.retention.escalation"]
        today = self.env.company._aftersales_today()
        escalations = self.env["aftersales.retention.escalation"].create(
            [
                {
                    "retention_id": retention.id,
                    "overdue_days": (today - retention.due_date).days,
                    "measure": retention._proposed_measure(today),
                }
                for retention in self
            ]
        )
        self._aftersales_gate_write({"state": "escalated"})
        escalations._notify_management()
        return escalations

    # ------------------------------------------------------------------ collection
    @api.model
    def _collect_reconciled(self, lines):
        """Retention paid against one of the reconciled `lines` is collected."""
        retentions = self.search(
            [("move_line_id", "in", lines.ids), ("state", "!=", "collected")]
        ).filtered(lambda r: r.move_line_id.reconciled)
        if retentions:
            retentions.sudo().write(
                {"state": "collected", "collected_on": self.env.company._aftersales_today()}
            )
        return retentions

    @internal_only()
    def action_view_disputes(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "aftersales_collection.aftersales_retention_dispute_action"
        )
        action.update(
            domain=[("retention_id", "=", self.id)],
            context={"default_retention_id": self.id},
        )
        return action

    def _get_report_base_filename(self):
        """File name of the reminder letter the customer downloads from the portal."""
        self.ensure_one()
        return self.env._("Retention Reminder - %(name)s", name=self.name)

    @internal_only()
    def action_print_letter(self):
        return self.env.ref("aftersales_collection.action_report_retention_reminder").report_action(
            self
        )

    def _aftersales_letter_overdue(self):
        """Whether the reminder letter speaks of money already due (R30): the due date has
        passed in the company's time zone, so the letter says "fell due" and asks for payment
        without delay instead of announcing the due date."""
        self.ensure_one()
        company = self.company_id or self.env.company
        today = company._aftersales_today()
        return bool(self.due_date and self.due_date < today)
