from odoo import _, api, fields, models

from ..tools.access import internal_only
from .aftersales_dispatch import count_by


class HelpdeskTicket(models.Model):
    _inherit = "helpdesk.ticket"

    aftersales_visit_id = fields.Many2one(
        "aftersales.visit",
        string="Raised at Visit",
        index="btree_not_null",
        copy=False,
        check_company=True,
        help="The visit whose findings raised this request.",
    )


class AftersalesProject(models.Model):
    _inherit = "aftersales.project"

    # R47: preventive maintenance per contract.
    maintenance_contract_end = fields.Date(
        tracking=True,
        help="Last day of the maintenance contract: summer and winter inspections are planned "
        "until then (R47).",
    )
    maintenance_contract_scope = fields.Text(
        string="Maintenance Scope", help="What the maintenance contract covers."
    )
    visit_ids = fields.One2many("aftersales.visit", "project_id", string="Visits")
    visit_count = fields.Integer(compute="_compute_visit_count")

    def _compute_visit_count(self):
        counts = count_by(self.env["aftersales.visit"], "project_id", self.ids)
        for project in self:
            project.visit_count = counts.get(project.id, 0)

    @internal_only()
    def action_view_visits(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "aftersales_service.aftersales_visit_action"
        )
        action.update(
            name=_("Visits"),
            domain=[("project_id", "=", self.id)],
            context={"default_project_id": self.id},
        )
        return action


class ResPartner(models.Model):
    _inherit = "res.partner"

    aftersales_key_customer = fields.Boolean(
        string="Key Customer",
        tracking=True,
        help="Key customers keep their regular visits after warranty and contract (R2).",
    )


class AftersalesDeadlineWarning(models.Model):
    _inherit = "aftersales.deadline.warning"

    @api.model
    def _cron_escalate(self):
        # Overdue planned visits are escalated once, with the requests' deadlines.
        result = super()._cron_escalate()
        self.env["aftersales.visit"]._aftersales_escalate_overdue()
        return result


class IrAttachment(models.Model):
    _inherit = "ir.attachment"

    @api.model
    def _aftersales_filed_models(self):
        return super()._aftersales_filed_models() | {"aftersales.visit"}


class IrActionsReport(models.Model):
    _inherit = "ir.actions.report"

    def _aftersales_filed_reports(self):
        # Done visits and written-visit letters go to the archive's visits sub-item.
        return super()._aftersales_filed_reports() | {
            "aftersales_service.action_report_aftersales_visit"
        }
