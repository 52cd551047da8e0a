from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError


class StockPicking(models.Model):
    _inherit = "stock.picking"

    aftersales_repair_id = fields.Many2one(
        "repair.order",
        string="Shipment for Repair",
        index="btree_not_null",
        check_company=True,
        copy=False,
    )
    aftersales_ticket_id = fields.Many2one(
        "helpdesk.ticket",
        string="Service Request",
        index="btree_not_null",
        check_company=True,
        copy=False,
        compute="_compute_aftersales_ticket_id",
        store=True,
        readonly=False,
    )
    aftersales_project_id = fields.Many2one(
        "aftersales.project",
        string="After-sales Project",
        compute="_compute_aftersales_project_id",
        store=True,
        readonly=False,
        check_company=True,
    )
    # Not core's shipping_weight / shipping_volume (stock): those count the reserved or picked
    # quantities and the packages, are not stored and are empty until the parts are reserved;
    # the large-shipment flag (R17) is decided from the quantities to ship when the shipment is
    # planned, and searched and grouped on. stock_delivery's stored `weight` is the same idea
    # but that module (carriers) is not a dependency of ours.
    aftersales_weight = fields.Float(
        string="Gross Weight (kg)",
        compute="_compute_aftersales_weight_volume",
        store=True,
        digits="Stock Weight",
    )
    aftersales_volume = fields.Float(
        string="Volume (m³)",
        compute="_compute_aftersales_weight_volume",
        store=True,
        digits=(16, 3),
    )
    # R17: large shipments travel with a consignment note.
    aftersales_large_shipment = fields.Boolean(
        string="Large Shipment",
        compute="_compute_aftersales_large_shipment",
        store=True,
        readonly=False,
        help="Weight or volume above the company's threshold; can also be set by hand. "
        "A large shipment gets a consignment note.",
    )
    # R18: track the shipment and keep the record.
    aftersales_carrier = fields.Char(string="Carrier", tracking=True)
    aftersales_tracking_ref = fields.Char(string="Tracking Number", tracking=True, copy=False)
    aftersales_shipped_at = fields.Datetime(string="Shipped At", tracking=True, copy=False)
    aftersales_delivered_at = fields.Datetime(string="Delivered At", tracking=True, copy=False)

    # R16: the item-by-item check is Odoo's per-line `picked`; who validated the picking (and
    # so released the checked parts) is kept with the picking's `date_done`.
    aftersales_checked_by_id = fields.Many2one(
        "res.users",
        string="Checked Out By",
        readonly=True,
        copy=False,
        tracking=True,
        help="Who validated the picking after the item-by-item check with the store keeper (R16).",
    )

    def _aftersales_needs_item_check(self):
        self.ensure_one()
        return bool(self.aftersales_repair_id) and self.location_id.usage == "internal"

    def _pre_action_done_hook(self):
        # Odoo ticks every line when none is ticked; parts for service leave only as checked
        # item by item (R16): unticked lines stay behind (Odoo's backorder), none ticked is refused.
        unchecked = self.filtered(
            lambda p: p._aftersales_needs_item_check()
            and any(m.quantity for m in p.move_ids)
            and not any(m.picked for m in p.move_ids if not m.scrapped)
        )
        if unchecked:
            raise UserError(
                self.env._(
                    "Check the parts of %(pickings)s item by item with the store keeper: tick "
                    "each line as picked before validating (R16).",
                    pickings=", ".join(unchecked.mapped("name")),
                )
            )
        return super()._pre_action_done_hook()

    def _create_backorder(self, backorder_moves=None):
        # What was not checked stays behind for this repair, still to be checked (R16).
        backorders = super()._create_backorder(backorder_moves=backorder_moves)
        for backorder in backorders.filtered(lambda b: b.backorder_id.aftersales_repair_id):
            backorder.aftersales_repair_id = backorder.backorder_id.aftersales_repair_id
        return backorders

    def _action_done(self):
        result = super()._action_done()
        checked = self.filtered(lambda p: p.state == "done" and p._aftersales_needs_item_check())
        if checked:
            checked.aftersales_checked_by_id = self.env.user
        return result

    @api.depends("aftersales_repair_id")
    def _compute_aftersales_ticket_id(self):
        for picking in self:
            if picking.aftersales_repair_id.ticket_id:
                picking.aftersales_ticket_id = picking.aftersales_repair_id.ticket_id

    @api.depends("aftersales_ticket_id", "aftersales_repair_id")
    def _compute_aftersales_project_id(self):
        for picking in self:
            project = (
                picking.aftersales_repair_id.aftersales_project_id
                or picking.aftersales_ticket_id.aftersales_project_id
            )
            if project:
                picking.aftersales_project_id = project

    @api.depends("move_ids.product_qty", "move_ids.product_id.weight", "move_ids.product_id.volume")
    def _compute_aftersales_weight_volume(self):
        for picking in self:
            moves = picking.move_ids.filtered(lambda m: m.state != "cancel")
            picking.aftersales_weight = sum(m.product_qty * m.product_id.weight for m in moves)
            picking.aftersales_volume = sum(m.product_qty * m.product_id.volume for m in moves)

    @api.depends("aftersales_weight", "aftersales_volume")
    def _compute_aftersales_large_shipment(self):
        for picking in self:
            company = picking.company_id or self.env.company
            picking.aftersales_large_shipment = (
                picking.aftersales_weight > company.aftersales_large_weight
                or picking.aftersales_volume > company.aftersales_large_volume
            )

    @api.constrains("aftersales_shipped_at", "aftersales_delivered_at")
    def _check_aftersales_tracking_dates(self):
        for picking in self:
            if (
                picking.aftersales_shipped_at
                and picking.aftersales_delivered_at
                and picking.aftersales_delivered_at < picking.aftersales_shipped_at
            ):
                raise ValidationError(
                    self.env._(
                        "Shipment %(picking)s cannot be delivered before it was shipped.",
                        picking=picking.name,
                    )
                )

    def action_aftersales_print_consignment_note(self):
        return self.env.ref("aftersales_service.action_report_consignment_note").report_action(self)
