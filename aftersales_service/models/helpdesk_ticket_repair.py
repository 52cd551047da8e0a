from odoo import api, fields, models
from odoo.exceptions import UserError

from ..tools.access import internal_only
from ..tools.counting import count_by


class HelpdeskTicket(models.Model):
    _inherit = "helpdesk.ticket"

    repair_ids = fields.One2many("repair.order", "ticket_id", string="Repairs")
    repair_count = fields.Integer(compute="_compute_repair_count")
    aftersales_shipment_ids = fields.One2many(
        "stock.picking", "aftersales_ticket_id", string="Shipments"
    )

    @api.depends("repair_ids")
    def _compute_repair_count(self):
        counts = count_by(self.env["repair.order"], "ticket_id", self.ids)
        for ticket in self:
            ticket.repair_count = counts.get(ticket.id, 0)

    def _aftersales_part_lines(self):
        """The request's part lines that R8 measures: parts added by its repairs, not cancelled."""
        return self.repair_ids.move_ids.filtered(
            lambda m: m.repair_line_type == "add" and m.state != "cancel"
        )

    def _aftersales_parts_deadline(self):
        """The latest deadline of the parts of this request's repairs (R8), or False."""
        self.ensure_one()
        deadlines = self._aftersales_part_lines().mapped("aftersales_parts_deadline")
        return max(filter(None, deadlines), default=False)

    # The one owner of the request's parts clock: both fields follow its part lines.
    @api.depends(
        "repair_ids.move_ids.aftersales_parts_deadline",
        "repair_ids.move_ids.aftersales_part_done_at",
        "repair_ids.move_ids.state",
        "repair_ids.move_ids.repair_line_type",
        "category_id.aftersales_parts_clock",
    )
    def _compute_parts_clock(self):
        for ticket in self:
            if ticket.category_id and not ticket.category_id.aftersales_parts_clock:
                # R3: the request's type has no parts clock.
                ticket.parts_deadline = ticket.parts_done_at = False
                continue
            lines = ticket._aftersales_part_lines().filtered("aftersales_parts_deadline")
            ticket.parts_deadline = ticket._aftersales_parts_deadline()
            # R8: the parts clock stops when the last part line has left the warehouse.
            done = lines.mapped("aftersales_part_done_at")
            ticket.parts_done_at = max(done) if lines and all(done) else False

    @internal_only("aftersales_service.group_aftersales_user")
    def action_create_repair(self):
        """One click from the request to a repair order, linked both ways."""
        self.ensure_one()
        partner = self.partner_id or self.aftersales_project_id.partner_id
        if not partner:
            raise UserError(
                self.env._(
                    "Request %(request)s has no customer: set one before creating a repair.",
                    request=self.display_name,
                )
            )
        repair = self.env["repair.order"].create(self._aftersales_repair_values(partner))
        return {
            "type": "ir.actions.act_window",
            "res_model": "repair.order",
            "views": [(False, "form")],
            "res_id": repair.id,
        }

    def _aftersales_repair_values(self, partner):
        self.ensure_one()
        values = {
            "partner_id": partner.id,
            "ticket_id": self.id,
            "aftersales_project_id": self.aftersales_project_id.id,
            "company_id": self.company_id.id or self.env.company.id,
            "internal_notes": self.description,
        }
        if self.lot_id:
            values.update(product_id=self.lot_id.product_id.id, lot_id=self.lot_id.id)
        return values

    @internal_only()
    def action_view_repairs(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id("repair.action_repair_order_tree")
        action.update(
            domain=[("ticket_id", "=", self.id)],
            context={"default_ticket_id": self.id, "default_partner_id": self.partner_id.id},
        )
        if self.repair_count == 1:
            action.update(views=[(False, "form")], res_id=self.repair_ids.id)
        return action
