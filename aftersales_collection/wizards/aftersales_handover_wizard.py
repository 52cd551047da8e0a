from markupsafe import Markup

from odoo import api, fields, models
from odoo.exceptions import UserError


class AftersalesHandoverWizard(models.TransientModel):
    """Hand over a project (R29, R31): record acceptance and handover, list what is unfinished."""

    _name = "aftersales.handover.wizard"
    _description = "Hand Over a Project"

    project_id = fields.Many2one("aftersales.project", required=True, readonly=True)
    acceptance_date = fields.Date(required=True)
    handover_date = fields.Date(
        required=True, default=lambda self: self.env.company._aftersales_today()
    )
    line_ids = fields.One2many(
        "aftersales.handover.wizard.line", "wizard_id", string="Unfinished Items"
    )
    # R29/R30: the retention money comes from the contract at handover, not typed in by hand.
    contract_amount = fields.Monetary(
        related="project_id.sale_order_id.amount_total", string="Contract Amount"
    )
    currency_id = fields.Many2one(related="project_id.company_id.currency_id")
    retention_percent = fields.Float(
        string="Retention (% of contract)",
        digits=(5, 2),
        help="Retention money withheld by the customer, as a percentage of the contract; it "
        "falls due when the warranty ends. Zero: no retention money.",
    )
    send_notice = fields.Boolean(
        string="Send the Payment Notice",
        default=True,
        help="After the handover, propose the payment notice: unpaid invoices, the contract "
        "amount not yet invoiced and the open items (R29).",
    )

    @api.model
    def default_get(self, fields_list):
        values = super().default_get(fields_list)
        project = self.env["aftersales.project"].browse(values.get("project_id"))
        if project and "acceptance_date" in fields_list:
            values["acceptance_date"] = (
                project.acceptance_date or self.env.company._aftersales_today()
            )
        if project and "retention_percent" in fields_list:
            values["retention_percent"] = (
                project.company_id.aftersales_retention_percent
                if project.sale_order_id and not project.sudo().retention_ids
                else 0.0
            )
        return values

    def action_confirm(self):
        self.ensure_one()
        project = self.project_id
        if project.handover_date:
            raise UserError(
                self.env._(
                    "Project %(project)s was handed over on %(date)s.",
                    project=project.name,
                    date=project.handover_date,
                )
            )
        if self.handover_date < self.acceptance_date:
            raise UserError(self.env._("The handover cannot come before the acceptance."))
        if self.retention_percent and not (
            project.sale_order_id and 0 < self.retention_percent <= 100
        ):
            raise UserError(
                self.env._(
                    "Retention money is a percentage (above 0, at most 100) of the project's "
                    "contract: project %(project)s has no contract.",
                    project=project.name,
                )
                if not project.sale_order_id
                else self.env._("The retention percentage must be between 0 and 100.")
            )
        project.write(
            {"acceptance_date": self.acceptance_date, "handover_date": self.handover_date}
        )
        items = self.env["aftersales.punch.item"].create(
            [
                {
                    "project_id": project.id,
                    "name": line.name,
                    "department_id": line.department_id.id,
                    "user_id": line.user_id.id,
                    "deadline": line.deadline,
                }
                for line in self.line_ids
            ]
        )
        body = self.env._("Handed over on %(date)s.", date=self.handover_date)
        if items:
            body = Markup("%s<ul>%s</ul>") % (
                self.env._(
                    "Handed over on %(date)s with unfinished items:", date=self.handover_date
                ),
                Markup().join(
                    Markup("<li>%s — %s, %s</li>") % (item.name, item.user_id.name, item.deadline)
                    for item in items
                ),
            )
        project.message_post(body=body)
        if self.retention_percent:
            self.env["aftersales.retention"].create(
                {
                    "project_id": project.id,
                    "amount_type": "percent",
                    "percent": self.retention_percent,
                }
            )
        if self.send_notice and project._has_anything_to_notify():
            return project.action_send_payment_notice()
        return {"type": "ir.actions.act_window_close"}


class AftersalesHandoverWizardLine(models.TransientModel):
    _name = "aftersales.handover.wizard.line"
    _description = "Unfinished Item at Handover"

    wizard_id = fields.Many2one("aftersales.handover.wizard", required=True, ondelete="cascade")
    name = fields.Char(string="Description", required=True)
    department_id = fields.Many2one("hr.department", string="Responsible Department")
    user_id = fields.Many2one(
        "res.users",
        string="Responsible Person",
        required=True,
        domain="[('share', '=', False)]",
    )
    deadline = fields.Date(required=True)
