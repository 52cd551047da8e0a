from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError

from ..tools.deadline_engine import part_deadline
from .product_template_aftersales import PART_ORIGINS

RESOLVER_DECISIONS = [
    ("reserved", "Already Reserved"),
    ("reserve", "Reserve from Stock"),
    ("swap", "Interchangeable Part"),
    ("purchase", "Purchase Request"),
]


class StockMove(models.Model):
    """A part line of a repair order (Odoo's repair keeps its parts as stock moves)."""

    _name = "stock.move"
    # The gate mixin: the parts clock of a line (R8) is computed by the rules alone.
    _inherit = ["stock.move", "aftersales.gate.mixin"]

    aftersales_part_origin = fields.Selection(
        PART_ORIGINS,
        string="Part Origin",
        compute="_compute_aftersales_part_origin",
        store=True,
        readonly=False,
        precompute=True,
    )
    aftersales_contract_date = fields.Date(
        string="Contract Delivery Date",
        help="Date the contract documents set for an imported part or large equipment.",
    )
    aftersales_parts_deadline = fields.Datetime(
        string="Part Deadline",
        compute="_compute_aftersales_parts_deadline",
        store=True,
        precompute=True,
        help="When this part is due, by its origin (R8).",
    )
    # R8: a part is resolved when it leaves the warehouse for the repair or the site.
    aftersales_part_done_at = fields.Datetime(
        string="Part Resolved At",
        compute="_compute_aftersales_part_done_at",
        store=True,
        precompute=True,
        help="When the part left the warehouse for the repair or the site: its move done, or "
        "the first done shipment of its repair that carries it (R8). A reservation is not it.",
    )
    aftersales_decision = fields.Selection(
        RESOLVER_DECISIONS,
        string="Resolver Decision",
        copy=False,
        readonly=True,
        help="What the last parts resolver run decided for this line.",
    )
    aftersales_requested_product_id = fields.Many2one(
        "product.product",
        string="Part Asked For",
        copy=False,
        readonly=True,
        help="The part originally asked for, when an interchangeable part replaced it.",
    )
    aftersales_purchase_line_ids = fields.One2many(
        "purchase.request.line", "aftersales_move_id", string="Purchase Request Lines"
    )

    def _aftersales_parts_cost(self):
        """What the parts of these repair moves cost the company: {move id: cost price ×
        quantity in the product's unit (``product_qty``)}, for the moves that add a part and
        are not cancelled; removed parts cost nothing. The one place the parts cost is
        computed: the repair, its request and the dispatches read it."""
        return {
            move.id: move.product_id.standard_price * move.product_qty
            for move in self
            if move.repair_line_type == "add" and move.state != "cancel"
        }

    @api.depends("product_id")
    def _compute_aftersales_part_origin(self):
        for move in self:
            move.aftersales_part_origin = move.product_id.aftersales_part_origin or "stock"

    @api.depends(
        "state",
        "date",
        "product_id",
        "repair_line_type",
        "repair_id.aftersales_shipment_ids.state",
        "repair_id.aftersales_shipment_ids.date_done",
        "repair_id.aftersales_shipment_ids.move_ids.product_id",
    )
    def _compute_aftersales_part_done_at(self):
        for move in self:
            if not move.repair_id or move.repair_line_type != "add" or move.state == "cancel":
                move.aftersales_part_done_at = False
                continue
            shipped = [
                picking.date_done
                for picking in move.repair_id.aftersales_shipment_ids
                if picking.state == "done"
                and picking.date_done
                and move.product_id
                in picking.move_ids.filtered(lambda m: m.state == "done").product_id
            ]
            if move.state == "done":
                shipped.append(move.date)
            move.aftersales_part_done_at = min(shipped) if shipped else False

    @api.depends(
        "aftersales_part_origin",
        "aftersales_contract_date",
        "repair_id",
        "repair_line_type",
        "repair_id.ticket_id.received_at",
        "repair_id.create_date",
    )
    def _compute_aftersales_parts_deadline(self):
        setups = {}
        for move in self:
            repair = move.repair_id
            if not repair or move.repair_line_type != "add" or not move.aftersales_part_origin:
                move.aftersales_parts_deadline = False
                continue
            origin = move.aftersales_part_origin
            if origin == "imported" and not move.aftersales_contract_date:
                move.aftersales_parts_deadline = False
                continue
            company = repair.company_id or self.env.company
            if company not in setups:
                setups[company] = company._aftersales_parts_policy_calendar()
            policy, calendar = setups[company]
            start = repair.ticket_id.received_at or repair.create_date or fields.Datetime.now()
            contract = (
                calendar.end_of_day(move.aftersales_contract_date)
                if move.aftersales_contract_date
                else None
            )
            move.aftersales_parts_deadline = part_deadline(
                start, origin, policy, calendar, contract_date=contract
            )

    @api.constrains("aftersales_part_origin", "aftersales_contract_date", "repair_id")
    def _check_aftersales_contract_date(self):
        for move in self:
            if (
                move.repair_id
                and move.repair_line_type == "add"
                and move.aftersales_part_origin == "imported"
                and not move.aftersales_contract_date
            ):
                raise ValidationError(
                    self.env._(
                        "Repair %(repair)s: %(part)s is imported or large equipment; enter the "
                        "delivery date the contract sets for it (R8).",
                        repair=move.repair_id.name,
                        part=move.product_id.display_name,
                    )
                )

    @api.model_create_multi
    def create(self, vals_list):
        for vals in vals_list:
            if (
                vals.get("repair_id")
                and vals.get("repair_line_type")
                and not vals.get("product_id")
            ):
                raise UserError(self.env._("Every part line of a repair needs a product."))
        return super().create(vals_list)

    def write(self, vals):
        res = super().write(vals)
        if "state" in vals:
            # A part reserved, waiting or gone: the request's stage may follow its work.
            self.repair_id.ticket_id._aftersales_follow_work()
        return res

    def _should_assign_at_confirm(self):
        if self.id in self.env.context.get("aftersales_no_assign_move_ids", ()):
            return False
        return super()._should_assign_at_confirm()
