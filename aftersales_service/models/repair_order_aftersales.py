from markupsafe import Markup

from odoo import Command, api, fields, models
from odoo.exceptions import UserError, ValidationError
from odoo.tools import float_compare, float_is_zero

from ..tools.counting import count_by
from ..tools.qr import qr_data_uri


class RepairOrder(models.Model):
    _name = "repair.order"
    _inherit = ["repair.order", "aftersales.gate.mixin"]
    # R5/R6: the warranty of a repair made for a request follows the request's coverage; it
    # changes only through the request's reasoned coverage override. Repairs without a request
    # (Odoo's own flow) are not guarded.
    _aftersales_gated_fields = ("under_warranty",)

    aftersales_project_id = fields.Many2one(
        "aftersales.project",
        string="After-sales Project",
        index="btree_not_null",
        tracking=True,
        check_company=True,
    )
    ticket_id = fields.Many2one(
        "helpdesk.ticket",
        string="Service Request",
        index="btree_not_null",
        tracking=True,
        check_company=True,
    )
    # R5/R6: in warranty the customer pays nothing; the request's coverage decides it.
    under_warranty = fields.Boolean(
        compute="_compute_under_warranty", store=True, readonly=False, precompute=True
    )
    currency_id = fields.Many2one(related="company_id.currency_id")
    aftersales_parts_cost = fields.Monetary(
        string="Parts Cost",
        compute="_compute_aftersales_costs",
        help="What the parts cost the company (cost price × quantity).",
    )
    aftersales_labour_cost = fields.Monetary(
        string="Labour Cost",
        compute="_compute_aftersales_costs",
        help="What the service lines of the quotation cost the company.",
    )
    aftersales_cost_total = fields.Monetary(
        string="Company Cost",
        compute="_compute_aftersales_costs",
        help="Parts and labour cost borne by the company; shown even when the repair is free.",
    )
    aftersales_customer_amount = fields.Monetary(
        string="Customer Pays",
        compute="_compute_aftersales_costs",
        help="Untaxed amount of the quotation; zero for a repair in warranty.",
    )
    aftersales_purchase_request_ids = fields.One2many(
        "purchase.request", "aftersales_repair_id", string="Purchase Requests"
    )
    aftersales_purchase_request_count = fields.Integer(
        compute="_compute_aftersales_purchase_request_count"
    )
    aftersales_shipment_ids = fields.One2many(
        "stock.picking", "aftersales_repair_id", string="Shipments"
    )

    @api.model_create_multi
    def create(self, vals_list):
        # A repair made for a request (button, import, RPC) is on its project and serial.
        tickets = (
            self.env["helpdesk.ticket"]
            .browse([vals["ticket_id"] for vals in vals_list if vals.get("ticket_id")])
            .sudo()
        )
        for vals in vals_list:
            if not vals.get("ticket_id"):
                continue
            ticket = tickets.browse(vals["ticket_id"])
            if not vals.get("aftersales_project_id") and ticket.aftersales_project_id:
                vals["aftersales_project_id"] = ticket.aftersales_project_id.id
            lot = ticket.lot_id
            if (
                lot
                and not vals.get("lot_id")
                and vals.get("product_id", lot.product_id.id) == lot.product_id.id
            ):
                vals.update(product_id=lot.product_id.id, lot_id=lot.id)
        return super().create(vals_list)

    def _aftersales_gate_records(self, vals):
        return self if vals.get("ticket_id") else self.filtered("ticket_id")

    def _aftersales_gate_allows(self, fname, value, vals):
        ticket = (
            self.env["helpdesk.ticket"].browse(vals["ticket_id"])
            if "ticket_id" in vals
            else self.ticket_id
        )
        if not ticket:
            return True
        # An undecided coverage is not free.
        return bool(value) == (ticket.sudo().coverage == "free")

    def _aftersales_gate_refuse(self, fnames):
        raise UserError(
            self.env._(
                "The warranty of a repair follows its service request's coverage: override the "
                "request's coverage, with a reason, instead."
            )
        )

    @api.depends("ticket_id.coverage")
    def _compute_under_warranty(self):
        for repair in self:
            if repair.ticket_id.coverage:
                repair.under_warranty = repair.ticket_id.coverage == "free"

    @api.depends(
        "move_ids.product_qty",
        "move_ids.product_id",
        "move_ids.state",
        "sale_order_id.amount_untaxed",
        "sale_order_id.order_line.product_uom_qty",
    )
    def _compute_aftersales_costs(self):
        # R5: the company's cost is computed and shown even when the customer pays nothing.
        part_costs = self.move_ids._aftersales_parts_cost()
        for repair in self:
            parts = sum(part_costs.get(move.id, 0.0) for move in repair.move_ids)
            labour = sum(
                line.product_id.standard_price
                * line.product_uom._compute_quantity(line.product_uom_qty, line.product_id.uom_id)
                for line in repair.sale_order_id.order_line
                if line.product_id.type == "service"
            )
            repair.aftersales_parts_cost = parts
            repair.aftersales_labour_cost = labour
            repair.aftersales_cost_total = parts + labour
            repair.aftersales_customer_amount = repair.sale_order_id.amount_untaxed

    def _compute_aftersales_purchase_request_count(self):
        counts = count_by(self.env["purchase.request"], "aftersales_repair_id", self.ids)
        for repair in self:
            repair.aftersales_purchase_request_count = counts.get(repair.id, 0)

    @api.constrains("lot_id", "partner_id")
    def _check_aftersales_serial_customer(self):
        for repair in self:
            installed_at = repair.lot_id.aftersales_project_id.commercial_partner_id
            if (
                installed_at
                and repair.partner_id
                and installed_at != repair.partner_id.commercial_partner_id
            ):
                raise ValidationError(
                    self.env._(
                        "Serial %(serial)s is installed at %(owner)s, not at %(customer)s.",
                        serial=repair.lot_id.name,
                        owner=installed_at.display_name,
                        customer=repair.partner_id.commercial_partner_id.display_name,
                    )
                )

    # ------------------------------------------------------------------
    # Parts resolver: stock first, else an interchangeable part, else buy (R14, R15)
    # ------------------------------------------------------------------
    def action_aftersales_resolve_parts(self):
        """Open the parts resolver on this repair."""
        self.ensure_one()
        wizard = self.env["aftersales.parts.resolver"].create({"repair_id": self.id})
        wizard._fill_lines()
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Resolve Parts"),
            "res_model": "aftersales.parts.resolver",
            "res_id": wizard.id,
            "views": [(False, "form")],
            "target": "new",
            # Wide enough for the part names and the column headers.
            "context": {"dialog_size": "extra-large"},
        }

    def _aftersales_part_lines(self):
        self.ensure_one()
        return self.move_ids.filtered(
            lambda m: m.repair_line_type == "add" and m.state not in ("done", "cancel")
        )

    def _aftersales_stock_figures(self, products, lock=False):
        """Stock of `products` in the repair's parts source location (children included).

        Returns {product id: {on_hand, reserved, free, incoming}} in the product's unit.
        With `lock`, the free quantity counts only the quants this transaction could lock
        (FOR NO KEY UPDATE SKIP LOCKED): a quant another transaction is reserving right now is
        not free, so two repairs racing for the last unit never both get it.
        """
        self.ensure_one()
        figures = {
            pid: {"on_hand": 0.0, "reserved": 0.0, "free": 0.0, "incoming": 0.0}
            for pid in products.ids
        }
        if not products:
            return figures
        locations = self.env["stock.location"].search([("id", "child_of", self.location_id.id)])
        self.env["stock.quant"].flush_model(
            ["product_id", "location_id", "quantity", "reserved_quantity", "owner_id"]
        )
        self.env.cr.execute(
            """
            SELECT product_id, SUM(quantity), SUM(reserved_quantity)
              FROM stock_quant
             WHERE product_id = ANY(%s) AND location_id = ANY(%s) AND owner_id IS NULL
          GROUP BY product_id
            """,
            [products.ids, locations.ids],
        )
        for product_id, on_hand, reserved in self.env.cr.fetchall():
            figures[product_id].update(on_hand=on_hand, reserved=reserved)
            if not lock:
                figures[product_id]["free"] = on_hand - reserved
        if lock:
            self.env.cr.execute(
                """
                SELECT product_id, SUM(quantity - reserved_quantity)
                  FROM (SELECT product_id, quantity, reserved_quantity
                          FROM stock_quant
                         WHERE product_id = ANY(%s) AND location_id = ANY(%s)
                           AND owner_id IS NULL
                           FOR NO KEY UPDATE SKIP LOCKED) AS lockable
              GROUP BY product_id
                """,
                [products.ids, locations.ids],
            )
            for product_id, free in self.env.cr.fetchall():
                figures[product_id]["free"] = free
        for product, incoming in self.env["stock.move"]._read_group(
            [
                ("product_id", "in", products.ids),
                ("state", "not in", ("draft", "done", "cancel")),
                ("location_dest_id", "in", locations.ids),
                ("location_id.usage", "not in", ("internal", "transit")),
            ],
            ["product_id"],
            ["product_qty:sum"],
        ):
            figures[product.id]["incoming"] = incoming
        return figures

    def _aftersales_check_part_quantities(self, moves=None):
        """Every open part line (default: of these repairs) has a positive quantity. Checked
        where a bad quantity does harm (resolving, confirming, ending the repair), as Odoo
        checks at validation: a line may be drafted with any quantity, as in Odoo."""
        for move in self.move_ids if moves is None else moves:
            if (
                move.repair_line_type
                and move.state not in ("done", "cancel")
                and float_compare(
                    move.product_uom_qty, 0, precision_rounding=move.product_uom.rounding
                )
                <= 0
            ):
                raise UserError(
                    self.env._(
                        "Repair %(repair)s: the quantity of %(part)s must be positive.",
                        repair=move.repair_id.name,
                        part=move.product_id.display_name,
                    )
                )

    def _aftersales_own(self):
        """Our repairs (for a request or a project): Odoo's own repairs keep Odoo's rules."""
        return self.filtered(lambda repair: repair.ticket_id or repair.aftersales_project_id)

    def action_validate(self):
        # Where Odoo refuses negative quantities (before its stock check of the repaired
        # product, which may answer with a wizard instead of confirming).
        self._aftersales_own()._aftersales_check_part_quantities()
        return super().action_validate()

    def _action_repair_confirm(self):
        self._aftersales_own().filtered(
            lambda repair: repair.state == "draft"
        )._aftersales_check_part_quantities()
        return super()._action_repair_confirm()

    def action_repair_done(self):
        self._aftersales_own()._aftersales_check_part_quantities()
        return super().action_repair_done()

    def _aftersales_resolve_analysis(self, lock=False):
        """The resolver's decision for every open part line, in line order.

        Returns a list of dicts: move, need (product unit), decision, equivalent (product),
        buy (quantity to request), and the stock figures of the part.
        """
        self.ensure_one()
        moves = self._aftersales_part_lines()
        self._aftersales_check_part_quantities(moves)
        equivalents = {
            move.id: move.product_id.product_tmpl_id.aftersales_equivalent_ids.product_variant_ids
            for move in moves
        }
        products = moves.product_id
        for variants in equivalents.values():
            products |= variants
        figures = self._aftersales_stock_figures(products, lock=lock)
        requested = self._aftersales_requested_quantities(moves)
        # Reserved by this repair's own lines is not "reserved by others".
        own = {}
        for move in moves:
            own[move.product_id.id] = own.get(move.product_id.id, 0.0) + move.quantity
        free = {pid: values["free"] for pid, values in figures.items()}
        analysis = []
        for move in moves:
            product = move.product_id
            rounding = product.uom_id.rounding
            reserved_own = move.product_uom._compute_quantity(move.quantity, product.uom_id)
            need = move.product_qty - reserved_own
            line = {
                "move": move,
                "need": need,
                "equivalent": self.env["product.product"],
                "buy": 0.0,
                "on_hand": figures[product.id]["on_hand"],
                "reserved_other": figures[product.id]["reserved"] - own.get(product.id, 0.0),
                "incoming": figures[product.id]["incoming"],
                "free": free[product.id],
                "take": 0.0,
                "requested": requested[move.id]["quantity"],
                "requests": requested[move.id]["requests"],
            }
            if float_compare(need, 0, precision_rounding=rounding) <= 0:
                line["decision"] = "reserved"
            elif float_compare(free[product.id], need, precision_rounding=rounding) >= 0:
                line["decision"] = "reserve"
                free[product.id] -= need
            else:
                swap = float_is_zero(reserved_own, precision_rounding=rounding) and next(
                    (
                        variant
                        for variant in equivalents[move.id]
                        if variant != product
                        and variant.uom_id.category_id == product.uom_id.category_id
                        and float_compare(free[variant.id], need, precision_rounding=rounding) >= 0
                    ),
                    None,
                )
                if swap:
                    line.update(decision="swap", equivalent=swap, equivalent_free=free[swap.id])
                    free[swap.id] -= need
                else:
                    # The repair never requests the same shortage twice: what it already asked
                    # purchasing for (open request lines, purchase moves bound to the line)
                    # covers the shortage; other demand's receipts do not (R15).
                    available = max(free[product.id], 0.0)
                    buy = max(need - available - line["requested"], 0.0)
                    if float_is_zero(buy, precision_rounding=rounding):
                        buy = 0.0
                    line.update(decision="purchase", buy=buy, take=available)
                    free[product.id] -= available
            analysis.append(line)
        return analysis

    def _aftersales_requested_quantities(self, moves):
        """What this repair already asked purchasing for, per part line of `moves`.

        Returns {move id: {quantity (product unit), requests (purchase.request)}}: the quantity
        of its open purchase request lines still to be received, plus the open purchase moves
        bound to the line that no request line of it accounts for. Receipts for other demand
        are not counted.
        """
        no_request = self.env["purchase.request"]
        result = {move.id: {"quantity": 0.0, "requests": no_request} for move in moves}
        lines = (
            self.env["purchase.request.line"]
            .sudo()
            .search(
                [
                    ("aftersales_move_id", "in", moves.ids),
                    ("cancelled", "=", False),
                    ("request_id.state", "not in", ("rejected",)),
                ]
            )
        )
        for line in lines:
            move = line.aftersales_move_id
            pending = line.product_uom_id._compute_quantity(
                line.product_qty - line.qty_done - line.qty_cancelled, move.product_id.uom_id
            )
            if float_compare(pending, 0, precision_rounding=move.product_id.uom_id.rounding) > 0:
                result[move.id]["quantity"] += pending
                result[move.id]["requests"] |= line.request_id
        for move in moves:
            bound = move.move_orig_ids.filtered(
                lambda m: m.state not in ("done", "cancel")
                and m.purchase_line_id
                and not (m.purchase_request_allocation_ids.purchase_request_line_id & lines)
            )
            result[move.id]["quantity"] += sum(bound.mapped("product_qty"))
        return result

    def _aftersales_resolve_parts(self, refused_swap_moves=None):
        """Run the resolver: reserve stock, swap to interchangeable parts, request the rest.

        `refused_swap_moves`: lines whose offered interchangeable part the user declined;
        they go to the purchase request instead. Returns the purchase request (or empty).
        """
        self.ensure_one()
        if self.state not in ("draft", "confirmed", "under_repair"):
            raise UserError(
                self.env._(
                    "Repair %(repair)s is %(state)s: its parts cannot be resolved any more.",
                    repair=self.name,
                    state=dict(self._fields["state"]._description_selection(self.env))[self.state],
                )
            )
        refused = refused_swap_moves or self.env["stock.move"]
        analysis = self._aftersales_resolve_analysis(lock=True)
        for line in analysis:
            if line["decision"] == "swap" and line["move"] in refused:
                line.update(
                    decision="purchase",
                    buy=max(line["need"] - line["requested"], 0.0),
                    equivalent=self.env["product.product"],
                )
        notes = []
        for line in analysis:
            if line["decision"] != "swap":
                continue
            move, equivalent = line["move"], line["equivalent"]
            free_stock = "%g" % line["equivalent_free"]
            notes.append(
                self.env._(
                    "%(part)s replaced by the interchangeable part %(equivalent)s (free stock "
                    "%(free)s).",
                    part=move.product_id.display_name,
                    equivalent=equivalent.display_name,
                    free=free_stock,
                )
            )
            move.write(
                {
                    "aftersales_requested_product_id": move.product_id.id,
                    "product_id": equivalent.id,
                    "product_uom": equivalent.uom_id.id,
                    "product_uom_qty": line["need"],
                }
            )
        by_decision = {}
        for line in analysis:
            by_decision.setdefault(line["decision"], self.env["stock.move"])
            by_decision[line["decision"]] |= line["move"]
        for decision, moves in by_decision.items():
            moves.write({"aftersales_decision": decision})
        request = self._aftersales_create_purchase_request(
            [line for line in analysis if line["decision"] == "purchase" and line["buy"] > 0]
        )
        # Lines with nothing free for them (free stock counted under the lock) must not be
        # reserved by Odoo's own reservation at confirmation: another transaction may be
        # reserving that stock right now, and only the receipt should serve them.
        waiting = self.env["stock.move"].browse(
            [
                line["move"].id
                for line in analysis
                if line["decision"] == "purchase" and line["take"] <= 0
            ]
        )
        if self.state == "draft":
            self.with_context(aftersales_no_assign_move_ids=waiting.ids)._action_repair_confirm()
        to_assign = self.env["stock.move"]
        for decision in ("reserve", "swap", "purchase"):
            to_assign |= by_decision.get(decision, self.env["stock.move"])
        (to_assign - waiting).filtered(
            lambda m: m.state in ("confirmed", "partially_available")
        )._action_assign()
        counts = {key: len(moves) for key, moves in by_decision.items()}
        summary = self.env._(
            "Parts resolved: %(reserve)s reserved from stock, %(swap)s replaced by interchangeable "
            "parts, %(purchase)s requested from purchasing.",
            reserve=counts.get("reserve", 0),
            swap=counts.get("swap", 0),
            purchase=counts.get("purchase", 0),
        )
        # Says what is already requested instead of requesting it again (R15).
        for line in analysis:
            if line["decision"] == "purchase" and line["requested"] > 0:
                notes.append(
                    self.env._(
                        "%(quantity)s %(part)s already requested on %(requests)s.",
                        quantity="%g" % line["requested"],
                        part=line["move"].product_id.display_name,
                        requests=", ".join(line["requests"].mapped("name")) or "-",
                    )
                )
        body = Markup("<p>%s</p>") % summary
        if notes:
            body += Markup("<ul>%s</ul>") % Markup().join(Markup("<li>%s</li>") % n for n in notes)
        if request:
            body += Markup("<p>%s</p>") % self.env._(
                "Purchase request: %(request)s", request=request.name
            )
        self.message_post(body=body, subtype_xmlid="mail.mt_note")
        return request

    def _aftersales_create_purchase_request(self, lines):
        """One purchase request per resolver run, linked to the repair and its request (R15).

        After-sales never buys: the request goes to the purchasing department for approval.
        """
        self.ensure_one()
        if not lines:
            return self.env["purchase.request"]
        request = self.env["purchase.request"].create(
            {
                "company_id": self.company_id.id,
                "origin": self.name,
                "aftersales_repair_id": self.id,
                "aftersales_ticket_id": self.ticket_id.id,
                # The repair's procurement group travels to the purchase order and its receipt:
                # Odoo's receipt then reserves the goods for this repair's lines first.
                "group_id": self.procurement_group_id.id,
                "description": self.env._(
                    "Spare parts for repair %(repair)s (request %(request)s, project %(project)s).",
                    repair=self.name,
                    request=self.ticket_id.display_name or "-",
                    project=self.aftersales_project_id.name or "-",
                ),
                "line_ids": [
                    Command.create(
                        {
                            "product_id": line["move"].product_id.id,
                            "name": line["move"].product_id.display_name,
                            "product_qty": line["buy"],
                            "product_uom_id": line["move"].product_id.uom_id.id,
                            "date_required": fields.Date.to_date(
                                line["move"].aftersales_parts_deadline
                                or line["move"].company_id._aftersales_today()
                            ),
                            "aftersales_move_id": line["move"].id,
                        }
                    )
                    for line in lines
                ],
            }
        )
        request.button_to_approve()
        return request

    def action_aftersales_view_purchase_requests(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "purchase_request.purchase_request_form_action"
        )
        action.update(domain=[("aftersales_repair_id", "=", self.id)], context={})
        requests = self.aftersales_purchase_request_ids
        if len(requests) == 1:
            action.update(views=[(False, "form")], res_id=requests.id)
        return action

    # ------------------------------------------------------------------
    # Warehouse documents
    # ------------------------------------------------------------------
    def action_aftersales_print_pick_slip(self):
        return self.env.ref("aftersales_service.action_report_pick_slip").report_action(self)

    def _aftersales_pick_slip_lines(self):
        """The pick slip's two lists (R16): what is reserved to pick now, and what is awaited.

        Returns (to_pick, awaited): lists of dicts move, quantity (in the line's unit), and for
        awaited lines the purchase requests (names) that will bring them.
        """
        self.ensure_one()
        to_pick, awaited = [], []
        for move in self.move_ids.filtered(
            lambda m: m.repair_line_type == "add" and m.state != "cancel"
        ):
            rounding = move.product_uom.rounding
            if float_compare(move.quantity, 0, precision_rounding=rounding) > 0:
                to_pick.append({"move": move, "quantity": move.quantity})
            missing = move.product_uom_qty - move.quantity
            if move.state != "done" and float_compare(missing, 0, precision_rounding=rounding) > 0:
                requests = (
                    move.sudo()
                    .aftersales_purchase_line_ids.filtered(
                        lambda rec: not rec.cancelled and rec.request_id.state != "rejected"
                    )
                    .request_id
                )
                awaited.append(
                    {
                        "move": move,
                        "quantity": missing,
                        "requests": ", ".join(requests.mapped("name")),
                    }
                )
        return to_pick, awaited

    def _aftersales_qr_data_uri(self, value):
        """A PNG QR code of `value` as a data URI, for the printed documents."""
        return qr_data_uri(value)

    def action_aftersales_new_shipment(self):
        """A delivery order to the project site for this repair (R17, R18)."""
        self.ensure_one()
        picking_type = self.picking_type_id.warehouse_id.out_type_id
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Shipment"),
            "res_model": "stock.picking",
            "views": [(False, "form")],
            "context": {
                "default_picking_type_id": picking_type.id,
                "default_partner_id": (self.aftersales_project_id.partner_id or self.partner_id).id,
                "default_origin": self.name,
                "default_aftersales_repair_id": self.id,
                "default_aftersales_ticket_id": self.ticket_id.id,
            },
        }
