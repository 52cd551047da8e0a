from odoo import fields, models


class PurchaseRequest(models.Model):
    """Purchase requisitions raised by after-sales to the purchasing department (R15)."""

    _inherit = "purchase.request"

    aftersales_repair_id = fields.Many2one(
        "repair.order", string="Repair", index="btree_not_null", readonly=True, copy=False
    )
    aftersales_ticket_id = fields.Many2one(
        "helpdesk.ticket",
        string="Service Request",
        index="btree_not_null",
        readonly=True,
        copy=False,
    )
