from odoo import fields, models

from ..tools.access import internal_only
from ..tools.counting import count_by


class HelpdeskTicket(models.Model):
    _inherit = "helpdesk.ticket"

    dispatch_ids = fields.One2many("aftersales.dispatch", "ticket_id", string="Dispatches")
    dispatch_count = fields.Integer(compute="_compute_dispatch_count")
    aftersales_currency_id = fields.Many2one(related="company_id.currency_id")
    aftersales_service_cost = fields.Monetary(
        string="Cost of Service",
        compute="_compute_aftersales_service_cost",
        currency_field="aftersales_currency_id",
        help="Travel expenses and hours of the trips plus the parts used by the repairs.",
    )

    def _compute_dispatch_count(self):
        counts = count_by(self.env["aftersales.dispatch"], "ticket_id", self.ids)
        for ticket in self:
            ticket.dispatch_count = counts.get(ticket.id, 0)

    def _compute_aftersales_service_cost(self):
        dispatches = self.env["aftersales.dispatch"].search(
            [("ticket_id", "in", self.ids), ("state", "!=", "cancel")]
        )
        expenses = dispatches._expense_costs()
        trips = dict.fromkeys(self.ids, 0.0)
        for dispatch in dispatches:
            trips[dispatch.ticket_id.id] += (
                expenses.get(dispatch.id, 0.0)
                + dispatch.work_hours * dispatch.company_id.aftersales_hour_cost
            )
        parts = self._aftersales_parts_costs()
        for ticket in self:
            ticket.aftersales_service_cost = trips.get(ticket.id, 0.0) + parts.get(ticket.id, 0.0)

    def _aftersales_parts_costs(self):
        """Cost of the parts added by the repairs of each request, by
        ``stock.move._aftersales_parts_cost``."""
        tickets = self.filtered("id")
        if not tickets:
            return {}
        moves = (
            self.env["stock.move"]
            .sudo()
            .search(
                [
                    ("repair_id.ticket_id", "in", tickets.ids),
                    ("repair_line_type", "=", "add"),
                    ("state", "!=", "cancel"),
                ]
            )
        )
        costs = dict.fromkeys(tickets.ids, 0.0)
        for move_id, cost in moves._aftersales_parts_cost().items():
            costs[moves.browse(move_id).repair_id.ticket_id.id] += cost
        return costs

    @internal_only()
    def action_view_dispatches(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "aftersales_service.aftersales_dispatch_action"
        )
        action.update(
            name=self.env._("Dispatches"),
            domain=[("ticket_id", "=", self.id)],
            context={"default_ticket_id": self.id, "default_company_id": self.company_id.id},
        )
        return action
