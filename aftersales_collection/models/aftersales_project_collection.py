import hashlib

from odoo import api, fields, models
from odoo.exceptions import UserError
from odoo.tools import SQL
from odoo.tools.misc import formatLang

from odoo.addons.aftersales_service.tools.access import internal_only
from odoo.addons.aftersales_service.tools.counting import count_by

from ..tools.cn_amount import amount_to_chinese_capital

UNPAID_STATES = ("not_paid", "partial")
RECEIVABLE_GROUPS = (
    "aftersales_service.group_aftersales_user,account.group_account_invoice,"
    "account.group_account_readonly"
)


class AftersalesProject(models.Model):
    """Handover and receivables of a project (R29, R31): after acceptance and handover,
    after-sales owns the contract receivables, the unfinished items and the retention money."""

    _inherit = "aftersales.project"

    handover_date = fields.Date(tracking=True, copy=False, readonly=True)
    punch_item_ids = fields.One2many("aftersales.punch.item", "project_id", string="Punch List")
    punch_open_count = fields.Integer(compute="_compute_punch_counts")
    punch_overdue_count = fields.Integer(compute="_compute_punch_counts")
    aftersales_invoice_ids = fields.One2many(
        "account.move",
        "aftersales_project_id",
        string="Contract Invoices",
        groups=RECEIVABLE_GROUPS,
    )
    retention_ids = fields.One2many(
        "aftersales.retention", "project_id", string="Retention Money", groups=RECEIVABLE_GROUPS
    )
    unpaid_invoice_count = fields.Integer(compute="_compute_receivables", groups=RECEIVABLE_GROUPS)
    amount_receivable = fields.Monetary(
        compute="_compute_receivables",
        currency_field="company_currency_id",
        groups=RECEIVABLE_GROUPS,
    )
    company_currency_id = fields.Many2one(related="company_id.currency_id")
    retention_count = fields.Integer(compute="_compute_receivables", groups=RECEIVABLE_GROUPS)
    payment_notice_sent_at = fields.Datetime(
        string="Payment Notice Sent",
        readonly=True,
        copy=False,
        groups=RECEIVABLE_GROUPS,
        help="When the last payment notice went to the customer (R29).",
    )
    payment_notice_key = fields.Char(
        readonly=True,
        copy=False,
        groups=RECEIVABLE_GROUPS,
        help="Fingerprint of what the last payment notice said: the same notice is not sent twice.",
    )

    @api.depends("punch_item_ids.state", "punch_item_ids.deadline")
    def _compute_punch_counts(self):
        today = self.env.company._aftersales_today()
        open_counts = dict.fromkeys(self.ids, 0)
        overdue_counts = dict.fromkeys(self.ids, 0)
        for project, deadline, count in self.env["aftersales.punch.item"]._read_group(
            [("project_id", "in", self.ids), ("state", "=", "open")],
            ["project_id", "deadline:day"],
            ["__count"],
        ):
            open_counts[project.id] += count
            if deadline < today:
                overdue_counts[project.id] += count
        for project in self:
            project.punch_open_count = open_counts.get(project.id, 0)
            project.punch_overdue_count = overdue_counts.get(project.id, 0)

    def _unpaid_invoice_domain(self):
        return [
            ("aftersales_project_id", "in", self.ids),
            ("move_type", "=", "out_invoice"),
            ("state", "=", "posted"),
            ("payment_state", "in", UNPAID_STATES),
        ]

    def _compute_receivables(self):
        unpaid = {
            project.id: (count, residual)
            for project, count, residual in self.env["account.move"]._read_group(
                self._unpaid_invoice_domain(),
                ["aftersales_project_id"],
                ["__count", "amount_residual_signed:sum"],
            )
        }
        retentions = count_by(self.env["aftersales.retention"], "project_id", self.ids)
        for project in self:
            project.unpaid_invoice_count, project.amount_receivable = unpaid.get(
                project.id, (0, 0.0)
            )
            project.retention_count = retentions.get(project.id, 0)

    def _unpaid_invoices(self):
        """The project's posted contract invoices still to be paid, oldest first."""
        self.ensure_one()
        return self.env["account.move"].search(
            self._unpaid_invoice_domain(), order="invoice_date_due, invoice_date, id"
        )

    def _contract_amount_not_invoiced(self):
        """R29: the contract amount not invoiced yet: the contract's total less the posted
        contract invoices (credit notes deducted; paid-service invoices are not the contract's)."""
        self.ensure_one()
        order = self.sale_order_id.sudo()
        if not order:
            return 0.0
        invoiced = sum(
            self.env["account.move"]
            .sudo()
            .search(
                [
                    ("aftersales_project_id", "=", self.id),
                    ("move_type", "in", ("out_invoice", "out_refund")),
                    ("state", "=", "posted"),
                    ("aftersales_ticket_id", "=", False),
                ]
            )
            .mapped("amount_total_in_currency_signed")
        )
        return max(order.currency_id.round(order.amount_total - invoiced), 0.0)

    def _open_punch_items(self):
        self.ensure_one()
        # Accounting prints the notice too; the items are listed, not opened.
        return (
            self.sudo()
            .punch_item_ids.filtered(lambda item: item.state == "open")
            .sorted("deadline")
        )

    def _payment_notice_amounts(self):
        """What the payment notice adds up (R29): {"invoices": the unpaid invoices,
        "not_invoiced": the contract amount not invoiced yet, "total": both together,
        "currency": the currency of the total}."""
        self.ensure_one()
        invoices = self._unpaid_invoices()
        not_invoiced = self._contract_amount_not_invoiced()
        return {
            "invoices": invoices,
            "not_invoiced": not_invoiced,
            "total": sum(invoices.mapped("amount_residual")) + not_invoiced,
            "currency": invoices.currency_id
            if len(invoices.currency_id) == 1
            else self.company_id.currency_id,
        }

    def _payment_notice_fingerprint(self):
        """What the notice says now, as a checksum: its invoices and their amounts due, the
        amount not invoiced, the open items and their deadlines."""
        self.ensure_one()
        amounts = self._payment_notice_amounts()
        parts = [f"{move.id}:{move.amount_residual}" for move in amounts["invoices"]]
        parts.append(f"not invoiced:{amounts['not_invoiced']}")
        parts += [f"item {item.id}:{item.deadline}" for item in self._open_punch_items()]
        return hashlib.sha1("|".join(parts).encode()).hexdigest()

    def _has_anything_to_notify(self):
        """Whether the payment notice has something to say: unpaid invoices, contract amount
        not invoiced yet, or open items (R29, R31)."""
        self.ensure_one()
        return bool(
            self._unpaid_invoices()
            or self._contract_amount_not_invoiced()
            or self._open_punch_items()
        )

    def _amount_in_capitals(self, amount, currency=None):
        """For letters (R29, R30): an amount in renminbi written in Chinese capital numerals
        (人民币 …元整); capitals are yuan, so an amount in another currency is written as figures
        with the currency's name instead. `currency` defaults to the company's."""
        currency = currency or self[:1].company_id.currency_id or self.env.company.currency_id
        if currency.name == "CNY":
            return self.env._("RMB %(capitals)s", capitals=amount_to_chinese_capital(amount))
        return self.env._(
            "%(amount)s %(currency)s",
            amount=formatLang(self.env, amount, digits=currency.decimal_places),
            currency=currency.full_name or currency.name,
        )

    @internal_only("aftersales_service.group_aftersales_user")
    def action_open_handover(self):
        self.ensure_one()
        if self.handover_date:
            raise UserError(
                self.env._(
                    "Project %(project)s was handed over on %(date)s.",
                    project=self.name,
                    date=self.handover_date,
                )
            )
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Hand Over"),
            "res_model": "aftersales.handover.wizard",
            "view_mode": "form",
            "target": "new",
            "context": {"default_project_id": self.id},
        }

    @internal_only("aftersales_service.group_aftersales_user")
    def action_send_payment_notice(self):
        """R29: send the payment notice (收款通知书) by e-mail through its template, in the
        customer's language, its PDF attached and filed on the project; once per content.

        The project is locked first (`FOR UPDATE SKIP LOCKED`) and the notice's fingerprint is
        recorded in the transaction that queues the e-mail: a second click, or a second user at
        the same moment, sends nothing while nothing changed (a payment, a new invoice, a closed
        item make a new notice)."""
        self.ensure_one()
        if not self._has_anything_to_notify():
            raise UserError(
                self.env._(
                    "Project %(project)s has no unpaid contract invoice to notify.",
                    project=self.name,
                )
            )
        sent = self._send_payment_notice()
        if sent:
            return {
                "type": "ir.actions.client",
                "tag": "display_notification",
                "params": {
                    "type": "success",
                    "sticky": False,
                    "message": self.env._(
                        "Payment notice of project %(project)s sent to %(customer)s.",
                        project=self.name,
                        customer=self.partner_id.display_name,
                    ),
                    "next": {"type": "ir.actions.act_window_close"},
                },
            }
        return {
            "type": "ir.actions.client",
            "tag": "display_notification",
            "params": {
                "type": "warning",
                "sticky": False,
                "message": self.env._(
                    "The payment notice of project %(project)s was not sent again: the same "
                    "notice was sent already, or someone else is sending it right now.",
                    project=self.name,
                ),
                "next": {"type": "ir.actions.act_window_close"},
            },
        }

    def _send_payment_notice(self):
        """Queue the notice of the project `self` unless the same one went out already or
        another transaction holds the project; the sent message, or an empty recordset."""
        self.ensure_one()
        self.flush_recordset()
        self.env.cr.execute(
            SQL(
                "SELECT id FROM aftersales_project WHERE id = %s FOR UPDATE SKIP LOCKED",
                self.id,
            )
        )
        if not self.env.cr.fetchall():
            return self.env["mail.message"]
        # What another transaction committed meanwhile is read again.
        self.invalidate_recordset(["payment_notice_key", "payment_notice_sent_at"])
        fingerprint = self._payment_notice_fingerprint()
        if self.sudo().payment_notice_key == fingerprint:
            return self.env["mail.message"]
        template = self.env.ref("aftersales_collection.mail_template_payment_notice")
        # Queued, sent by the mail queue after the commit. The notice's print is filed in the
        # archive by the report (R38); its copy attached to the message is not filed again.
        message = self.with_context(
            mail_notify_force_send=False, aftersales_report_printing=True
        ).message_post_with_source(
            template,
            message_type="comment",
            subtype_xmlid="mail.mt_comment",
            email_layout_xmlid="mail.mail_notification_light",
        )
        self.sudo().write(
            {"payment_notice_key": fingerprint, "payment_notice_sent_at": fields.Datetime.now()}
        )
        return message

    @internal_only()
    def action_view_contract_invoices(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "account.action_move_out_invoice_type"
        )
        action.update(
            domain=[("aftersales_project_id", "=", self.id)],
            context={
                "default_move_type": "out_invoice",
                "default_aftersales_project_id": self.id,
                "default_partner_id": self.partner_id.id,
            },
        )
        return action

    @internal_only()
    def action_view_retentions(self):
        self.ensure_one()
        return self._action_related(
            "aftersales_collection.aftersales_retention_action",
            "project_id",
            self.retention_ids,
            self.env._("Retention Money"),
        )
