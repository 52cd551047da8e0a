from odoo import api, fields, models
from odoo.exceptions import UserError


class AftersalesHazardBriefing(models.Model):
    """R41: every engineer about to serve is told the site's hazards and precautions.

    One briefing per engineer of a dispatch, made when the trip is planned. It keeps a
    snapshot of the site's active hazards; the engineer acknowledges it personally."""

    _name = "aftersales.hazard.briefing"
    _description = "Site Hazard Briefing"
    _inherit = ["mail.thread", "mail.activity.mixin", "aftersales.gate.mixin"]
    _order = "id desc"
    _check_company_auto = True
    # R41: acknowledged only by the engineer himself, at the time the action records.
    _aftersales_gated_fields = ("state", "acknowledged_at", "acknowledged_by")

    dispatch_id = fields.Many2one(
        "aftersales.dispatch", required=True, index=True, ondelete="cascade", check_company=True
    )
    employee_id = fields.Many2one(
        "hr.employee", string="Engineer", required=True, index=True, check_company=True
    )
    user_id = fields.Many2one(related="employee_id.user_id", string="Engineer's User")
    project_id = fields.Many2one(
        related="dispatch_id.project_id", store=True, index="btree_not_null"
    )
    company_id = fields.Many2one(related="dispatch_id.company_id", store=True, index=True)
    dispatch_state = fields.Selection(related="dispatch_id.state", string="Dispatch Status")
    planned_departure = fields.Datetime(related="dispatch_id.planned_departure")
    state = fields.Selection(
        [("pending", "Pending"), ("acknowledged", "Acknowledged")],
        default="pending",
        required=True,
        tracking=True,
        copy=False,
    )
    acknowledged_at = fields.Datetime(copy=False, readonly=True, tracking=True)
    acknowledged_by = fields.Many2one("res.users", copy=False, readonly=True)
    line_ids = fields.One2many(
        "aftersales.hazard.briefing.line", "briefing_id", string="Hazards", copy=True
    )

    _sql_constraints = [
        (
            "dispatch_employee_uniq",
            "unique(dispatch_id, employee_id)",
            "An engineer has one hazard briefing per dispatch.",
        ),
    ]

    @api.depends("dispatch_id.name", "employee_id.name")
    def _compute_display_name(self):
        for briefing in self:
            briefing.display_name = f"{briefing.dispatch_id.name} – {briefing.employee_id.name}"

    @api.model_create_multi
    def create(self, vals_list):
        briefings = super().create(vals_list)
        briefings._refresh_snapshot()
        briefings._ask_acknowledgement()
        return briefings

    def _ask_acknowledgement(self):
        """A to-do for each engineer: read the site's hazards and acknowledge them."""
        for briefing in self.sudo().filtered("employee_id.user_id"):
            briefing.activity_schedule(
                "mail.mail_activity_data_todo",
                user_id=briefing.employee_id.user_id.id,
                date_deadline=fields.Date.to_date(briefing.dispatch_id.planned_departure),
                summary=self.env._("Acknowledge the site hazards"),
            )

    def _refresh_snapshot(self):
        """Replace the listed hazards with the site's active hazards of now."""
        hazards_by_project = {}
        if self.project_id:
            for hazard in (
                self.env["aftersales.hazard"]
                .sudo()
                .search([("project_id", "in", self.project_id.ids)])
            ):
                hazards_by_project.setdefault(hazard.project_id.id, []).append(hazard)
        self.sudo().line_ids.unlink()
        line_vals = [
            {
                "briefing_id": briefing.id,
                "hazard_id": hazard.id,
                "name": hazard.name,
                "category": hazard.category,
                "risk_level": hazard.risk_level,
                "description": hazard.description,
                "control_measures": hazard.control_measures,
                "avoidance_plan": hazard.avoidance_plan,
                "ppe": hazard.ppe,
            }
            for briefing in self
            for hazard in hazards_by_project.get(briefing.project_id.id, [])
        ]
        self.env["aftersales.hazard.briefing.line"].sudo().create(line_vals)

    def _reopen(self):
        """The hazards changed: brief again the engineers of trips that have not left."""
        acknowledged = self.filtered(lambda b: b.state == "acknowledged")
        self._refresh_snapshot()
        if acknowledged:
            acknowledged.sudo().write(
                {"state": "pending", "acknowledged_at": False, "acknowledged_by": False}
            )
            acknowledged._ask_acknowledgement()
            for dispatch in acknowledged.dispatch_id:
                names = ", ".join(
                    acknowledged.filtered(
                        lambda b, dispatch=dispatch: b.dispatch_id == dispatch
                    ).employee_id.mapped("name")
                )
                dispatch.sudo().message_post(
                    body=self.env._(
                        "The site hazards changed: the briefing must be acknowledged again by "
                        "%(engineers)s.",
                        engineers=names,
                    )
                )

    def action_acknowledge(self):
        """The engineer confirms, in person, that they were told the hazards (R41)."""
        for briefing in self:
            if briefing.employee_id.user_id != self.env.user:
                raise UserError(
                    self.env._(
                        "Only %(engineer)s can acknowledge their own hazard briefing.",
                        engineer=briefing.employee_id.name,
                    )
                )
            if briefing.dispatch_id.state not in ("draft", "confirmed", "onsite"):
                raise UserError(
                    self.env._(
                        "The trip %(dispatch)s is over: its briefing can no longer be "
                        "acknowledged.",
                        dispatch=briefing.dispatch_id.name,
                    )
                )
        pending = self.filtered(lambda b: b.state == "pending")
        pending._aftersales_gate_write(
            {
                "state": "acknowledged",
                "acknowledged_at": fields.Datetime.now(),
                "acknowledged_by": self.env.uid,
            }
        )
        pending.activity_feedback(["mail.mail_activity_data_todo"])
        return True
