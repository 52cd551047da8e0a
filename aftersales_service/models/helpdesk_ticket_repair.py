from odoo import _, api, fields, models
from odoo.exceptions import UserError
from ..tools.access import internal_only


class HelpdeskTicket(models.Model):
    _inherit = "helpdesk.ticket"

    repair_ids = fields.One2many("repair.order", "ticket_id", string="Repairs")
    repair_count = fields.Integer(compute="_compute_repair_count")
    aftersales_shipment_ids = fields.One2many(
        "stock.picking", "aftersales_ticket_id", string="Shipments"
    )

    @api.depends("repair_ids")
    def _compute_repair_count(self):
        counts = {
            ticket.id: count
            for ticket, count in self.env["repair.order"]._read_group(
                [("ticket_id", "in", self.ids)], ["ticket_id"], ["__count"]
            )
        }
        for ticket in self:
            ticket.repair_count = counts.get(ticket.id, 0)

    def write(self, vals):
        result = super().write(vals)
        if "received_at" in vals:
            self._aftersales_update_parts_deadline()
        return result

    def _aftersales_parts_deadline(self):
        """The latest deadline of the parts of this request's repairs (R8), or False."""
        self.ensure_one()
        return self._aftersales_latest_part_deadlines().get(self.id, False)

    def _aftersales_latest_part_deadlines(self):
        """{ticket id: latest part deadline} over the open part lines of the tickets' repairs."""
        if not self.ids:
            return {}
        latest = {}
        for repair, deadline in self.env["stock.move"]._read_group(
            [
                ("repair_id.ticket_id", "in", self.ids),
                ("repair_line_type", "=", "add"),
                ("state", "!=", "cancel"),
                ("aftersales_parts_deadline", "!=", False),
            ],
            ["repair_id"],
            ["aftersales_parts_deadline:max"],
        ):
            ticket_id = repair.ticket_id.id
            latest[ticket_id] = max(deadline, latest.get(ticket_id, deadline))
        return latest

    def _aftersales_update_parts_deadline(self):
        """Write each request's parts deadline: the latest deadline of its part lines."""
        tickets = self.exists()
        if not tickets:
            return
        latest = tickets._aftersales_latest_part_deadlines()
        by_deadline = {}
        for ticket in tickets:
            deadline = latest.get(ticket.id, False)
            if ticket.parts_deadline != deadline:
                by_deadline.setdefault(deadline, self.browse())
                by_deadline[deadline] |= ticket
        for deadline, group in by_deadline.items():
            group.write({"parts_deadline": deadline})

    @internal_only("aftersales_service.group_aftersales_user")
    def action_create_repair(self):
        """One click from the request to a repair order, linked both ways."""
        self.ensure_one()
        partner = self.partner_id or self.aftersales_project_id.partner_id
        if not partner:
            raise UserError(
                _("Request %(request)s has no customer: set one before creating a repair.",
                  request=self.display_name)
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
