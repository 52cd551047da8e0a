from odoo import api, fields, models

from ..tools.access import internal_only


class HelpdeskTicket(models.Model):
    """Service reports on the request and the customer's rating of them (R23, R44)."""

    _inherit = "helpdesk.ticket"

    aftersales_report_ids = fields.One2many(
        "aftersales.service.report", "ticket_id", string="Service Reports"
    )
    aftersales_report_count = fields.Integer(
        string="Service Report Count", compute="_compute_aftersales_report_count"
    )
    aftersales_rating = fields.Float(
        string="Customer Rating",
        compute="_compute_aftersales_rating",
        store=True,
        precompute=True,
        aggregator="avg",
        digits=(3, 1),
        help="Average of the customer's ratings (1-5) of the request's service reports.",
    )

    @api.depends("aftersales_report_ids")
    def _compute_aftersales_report_count(self):
        for ticket in self:
            ticket.aftersales_report_count = len(ticket.aftersales_report_ids)

    @api.depends("aftersales_report_ids.rating_value")
    def _compute_aftersales_rating(self):
        for ticket in self:
            ratings = [r for r in ticket.aftersales_report_ids.mapped("rating_value") if r]
            ticket.aftersales_rating = sum(ratings) / len(ratings) if ratings else 0.0

    @internal_only()
    def action_view_aftersales_reports(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "aftersales_service.aftersales_service_report_action"
        )
        action.update(
            domain=[("ticket_id", "=", self.id)],
            context={"default_ticket_id": self.id},
        )
        if len(self.aftersales_report_ids) == 1:
            action.update(
                view_mode="form", views=[(False, "form")], res_id=self.aftersales_report_ids.id
            )
        return action
