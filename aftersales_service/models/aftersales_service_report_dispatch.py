from odoo import api, fields, models
from odoo.exceptions import ValidationError


class AftersalesServiceReport(models.Model):
    """The trip a service report records (R23): the report is filled after the dispatch's work."""

    _inherit = "aftersales.service.report"

    dispatch_id = fields.Many2one(
        "aftersales.dispatch",
        string="Dispatch",
        index="btree_not_null",
        check_company=True,
        domain="[('ticket_id', '=', ticket_id)]",
        tracking=True,
    )

    @api.constrains("dispatch_id", "ticket_id")
    def _check_dispatch_ticket(self):
        for report in self:
            if report.dispatch_id and report.dispatch_id.ticket_id != report.ticket_id:
                raise ValidationError(
                    self.env._(
                        "Service report %(report)s: dispatch %(dispatch)s is a trip of another "
                        "request.",
                        report=report.name,
                        dispatch=report.dispatch_id.name,
                    )
                )

    def _aftersales_assigned(self, user):
        return super()._aftersales_assigned(user) or user in self.dispatch_id.employee_ids.user_id
