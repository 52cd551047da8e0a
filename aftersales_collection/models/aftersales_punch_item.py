from odoo import api, fields, models
from odoo.exceptions import UserError

PUNCH_STATES = [("open", "Open"), ("done", "Done"), ("cancel", "Cancelled")]


class AftersalesPunchItem(models.Model):
    """An item left unfinished at handover (R31): after-sales chases the responsible department
    and person until it is done by its deadline; overdue items raise activities for their owners."""

    _name = "aftersales.punch.item"
    _description = "Handover Punch-list Item"
    _inherit = ["mail.thread", "mail.activity.mixin", "aftersales.gate.mixin"]
    _order = "state, deadline, id"
    _check_company_auto = True
    # Done, cancelled and reopened only through the actions below: a finished item leaves the
    # payment notice (R31), so nobody closes one by editing it.
    _aftersales_gated_fields = ("state", "done_date")

    name = fields.Char(string="Description", required=True, tracking=True)
    project_id = fields.Many2one(
        "aftersales.project",
        string="Project",
        required=True,
        index=True,
        ondelete="cascade",
        check_company=True,
    )
    company_id = fields.Many2one(related="project_id.company_id", store=True, index=True)
    partner_id = fields.Many2one(related="project_id.partner_id", string="Customer")
    department_id = fields.Many2one(
        "hr.department", string="Responsible Department", tracking=True, check_company=True
    )
    user_id = fields.Many2one(
        "res.users",
        string="Responsible Person",
        required=True,
        tracking=True,
        domain="[('share', '=', False)]",
        default=lambda self: self.env.user,
    )
    deadline = fields.Date(required=True, tracking=True)
    state = fields.Selection(PUNCH_STATES, default="open", required=True, tracking=True, index=True)
    done_date = fields.Date(readonly=True, copy=False)
    note = fields.Text()
    is_overdue = fields.Boolean(compute="_compute_is_overdue", search="_search_is_overdue")

    @api.depends("deadline", "state")
    def _compute_is_overdue(self):
        today = self.env.company._aftersales_today()
        for item in self:
            item.is_overdue = item.state == "open" and item.deadline and item.deadline < today

    def _search_is_overdue(self, operator, value):
        if operator not in ("=", "!=") or not isinstance(value, bool):
            raise UserError(
                self.env._("Unsupported search on overdue items: %(operator)s", operator=operator)
            )
        domain = [("state", "=", "open"), ("deadline", "<", self.env.company._aftersales_today())]
        return domain if (operator == "=") == value else ["!", "&", *domain]

    def action_done(self):
        """The responsible person (or after-sales) reports the item finished."""
        if self.filtered(lambda item: item.state != "open"):
            raise UserError(self.env._("Only open punch-list items can be marked done."))
        self._aftersales_gate_write(
            {"state": "done", "done_date": self.env.company._aftersales_today()}
        )
        self.activity_feedback(
            ["aftersales_collection.mail_activity_punch_overdue"], feedback=self.env._("Item done.")
        )

    def _check_punch_decider(self):
        """Cancelling or reopening an item changes what the customer is told he owes: the
        after-sales department decides, not the engineer who works on it."""
        if not self.env.user.has_group("aftersales_service.group_aftersales_user"):
            raise UserError(
                self.env._(
                    "Only the after-sales department can cancel or reopen a punch-list item."
                )
            )

    def action_cancel(self):
        self._check_punch_decider()
        if self.filtered(lambda item: item.state != "open"):
            raise UserError(self.env._("Only open punch-list items can be cancelled."))
        self._aftersales_gate_write({"state": "cancel"})
        self.activity_unlink(["aftersales_collection.mail_activity_punch_overdue"])

    def action_reopen(self):
        self._check_punch_decider()
        if self.filtered(lambda item: item.state == "open"):
            raise UserError(
                self.env._("Only finished or cancelled punch-list items can be reopened.")
            )
        self._aftersales_gate_write({"state": "open", "done_date": False})

    @api.model
    def _cron_notify_overdue(self):
        """One activity per overdue item for its responsible person, never twice (R31)."""
        activity_type = self.env.ref("aftersales_collection.mail_activity_punch_overdue")
        overdue = self.search([("is_overdue", "=", True)])
        already = self.env["mail.activity"].search(
            [
                ("res_model", "=", self._name),
                ("res_id", "in", overdue.ids),
                ("activity_type_id", "=", activity_type.id),
            ]
        )
        notified = set(already.mapped("res_id"))
        model_id = self.env["ir.model"]._get_id(self._name)
        self.env["mail.activity"].create(
            [
                {
                    "res_model_id": model_id,
                    "res_id": item.id,
                    "activity_type_id": activity_type.id,
                    "automated": True,
                    "user_id": item.user_id.id,
                    "date_deadline": self.env.company._aftersales_today(),
                    "summary": self.env._(
                        "Overdue handover item of %(project)s: %(item)s",
                        project=item.project_id.name,
                        item=item.name,
                    ),
                }
                for item in overdue
                if item.id not in notified
            ]
        )
