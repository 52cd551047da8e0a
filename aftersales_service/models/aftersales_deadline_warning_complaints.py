from markupsafe import Markup

from odoo import api, fields, models


class AftersalesDeadlineWarning(models.Model):
    """Complaints escalate with the requests' engine: the same share of the window, the same
    manager, once per complaint, level and deadline (R4)."""

    _inherit = "aftersales.deadline.warning"

    ticket_id = fields.Many2one(required=False)
    complaint_id = fields.Many2one(
        "aftersales.complaint", string="Complaint", ondelete="cascade", index=True
    )
    company_id = fields.Many2one(
        "res.company",
        related=None,
        compute="_compute_company_id",
        store=True,
        index=True,
        readonly=True,
    )
    clock = fields.Selection(
        selection_add=[("complaint", "Complaint Handling")], ondelete={"complaint": "cascade"}
    )

    _sql_constraints = [
        (
            "complaint_warning_once",
            "unique(complaint_id, level, deadline)",
            "A complaint's deadline is warned about once per level.",
        ),
        (
            "warning_about_something",
            "CHECK(ticket_id IS NOT NULL OR complaint_id IS NOT NULL)",
            "A deadline warning is about a request or a complaint.",
        ),
    ]

    @api.depends("ticket_id.company_id", "complaint_id.company_id")
    def _compute_company_id(self):
        for warning in self:
            warning.company_id = warning.ticket_id.company_id or warning.complaint_id.company_id

    @api.model
    def _cron_escalate(self):
        count = super()._cron_escalate()
        return count + self._aftersales_escalate_complaints()

    @api.model
    def _aftersales_escalate_complaints(self):
        now = fields.Datetime.now()
        complaints = self.env["aftersales.complaint"].search(
            [
                ("state", "in", ("new", "handling")),
                ("deadline", "!=", False),
                ("received_at", "<=", now),
            ]
        )
        if not complaints:
            return 0
        sent = {
            (warning.complaint_id.id, warning.level, warning.deadline)
            for warning in self.search_fetch(
                [("complaint_id", "in", complaints.ids)], ["complaint_id", "level", "deadline"]
            )
        }
        due = []
        for complaint in complaints:
            deadline = complaint.deadline
            if now >= deadline:
                level = "breach"
            elif now >= complaint.company_id._aftersales_warn_at(complaint.received_at, deadline):
                level = "warning"
            else:
                continue
            if (complaint.id, level, deadline) not in sent:
                due.append((complaint, level, deadline))
        todo = self.env.ref("mail.mail_activity_data_todo")
        model_id = self.env["ir.model"]._get_id("aftersales.complaint")
        activity_vals, warning_vals = [], []
        for complaint, level, deadline in due:
            company = complaint.company_id
            manager = company._aftersales_escalation_user()
            env = self.with_context(lang=manager.lang or self.env.lang).env
            when = self._aftersales_when(env, company, deadline)
            if level == "breach":
                summary = env._("Complaint deadline missed")
                note = env._(
                    "Complaint %(name)s was not resolved by its deadline (%(deadline)s).",
                    name=complaint.name,
                    deadline=when,
                )
            else:
                summary = env._("Complaint deadline near")
                note = env._(
                    "%(percent)s %% of the handling time of complaint %(name)s has passed; the "
                    "deadline is %(deadline)s.",
                    percent=company.aftersales_escalation_percent,
                    name=complaint.name,
                    deadline=when,
                )
            vals = {
                "complaint_id": complaint.id,
                "clock": "complaint",
                "level": level,
                "deadline": deadline,
                "user_id": manager.id,
            }
            if manager:
                activity_vals.append(
                    {
                        "res_model_id": model_id,
                        "res_id": complaint.id,
                        "activity_type_id": todo.id,
                        "user_id": manager.id,
                        "summary": summary,
                        "note": note,
                        "date_deadline": self.env.company._aftersales_today(deadline),
                    }
                )
            warning_vals.append(vals)
            complaint._message_log(body=Markup("%s") % note)
        self._aftersales_create_warnings(activity_vals, warning_vals)
        return len(due)
