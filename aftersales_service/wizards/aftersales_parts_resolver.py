from odoo import Command, api, fields, models

from ..models.stock_move_repair_part import RESOLVER_DECISIONS


class AftersalesPartsResolver(models.TransientModel):
    """Resolve the parts of a repair: stock first, else an interchangeable part, else a
    purchase request (R14, R15). Shows the stock figures the decision rests on."""

    _name = "aftersales.parts.resolver"
    _description = "Parts Resolver"

    repair_id = fields.Many2one("repair.order", required=True, ondelete="cascade")
    line_ids = fields.One2many("aftersales.parts.resolver.line", "wizard_id", string="Parts")
    has_swap = fields.Boolean(compute="_compute_has_swap")

    @api.depends("line_ids.decision")
    def _compute_has_swap(self):
        for wizard in self:
            wizard.has_swap = any(line.decision == "swap" for line in wizard.line_ids)

    def _fill_lines(self):
        self.ensure_one()
        analysis = self.repair_id._aftersales_resolve_analysis()
        self.line_ids = [Command.clear()] + [
            Command.create(
                {
                    "move_id": line["move"].id,
                    "product_id": line["move"].product_id.id,
                    "quantity": line["need"],
                    "on_hand": line["on_hand"],
                    "reserved_other": line["reserved_other"],
                    "incoming": line["incoming"],
                    "free": line["free"],
                    "decision": line["decision"],
                    "equivalent_product_id": line["equivalent"].id,
                    "buy_quantity": line["buy"],
                    "requested_quantity": line["requested"],
                    "requested_refs": ", ".join(line["requests"].mapped("name")),
                    "accept_swap": line["decision"] == "swap",
                }
            )
            for line in analysis
        ]

    def action_confirm(self):
        self.ensure_one()
        refused = self.line_ids.filtered(lambda rec: rec.decision == "swap" and not rec.accept_swap)
        request = self.repair_id._aftersales_resolve_parts(refused_swap_moves=refused.move_id)
        if request:
            return self.repair_id.action_aftersales_view_purchase_requests()
        return {"type": "ir.actions.act_window_close"}


class AftersalesPartsResolverLine(models.TransientModel):
    _name = "aftersales.parts.resolver.line"
    _description = "Parts Resolver Line"

    wizard_id = fields.Many2one("aftersales.parts.resolver", required=True, ondelete="cascade")
    move_id = fields.Many2one("stock.move", string="Part Line", readonly=True)
    product_id = fields.Many2one("product.product", string="Part", readonly=True)
    quantity = fields.Float(string="Still Needed", digits="Product Unit of Measure", readonly=True)
    on_hand = fields.Float(digits="Product Unit of Measure", readonly=True)
    reserved_other = fields.Float(
        string="Reserved by Others", digits="Product Unit of Measure", readonly=True
    )
    incoming = fields.Float(digits="Product Unit of Measure", readonly=True)
    free = fields.Float(
        string="Available",
        digits="Product Unit of Measure",
        readonly=True,
        help="On hand, less what other operations have reserved.",
    )
    decision = fields.Selection(RESOLVER_DECISIONS, readonly=True)
    equivalent_product_id = fields.Many2one(
        "product.product", string="Interchangeable Part", readonly=True
    )
    buy_quantity = fields.Float(
        string="To Request", digits="Product Unit of Measure", readonly=True
    )
    requested_quantity = fields.Float(
        string="Already Requested",
        digits="Product Unit of Measure",
        readonly=True,
        help="What this repair already asked purchasing for and has not received yet: it is "
        "not requested again.",
    )
    requested_refs = fields.Char(string="Requested On", readonly=True)
    accept_swap = fields.Boolean(
        string="Use Interchangeable Part",
        help="Untick to request the original part from purchasing instead.",
    )
