from odoo import fields, models


class PurchaseRequestLine(models.Model):
    _inherit = "purchase.request.line"

    aftersales_move_id = fields.Many2one(
        "stock.move", string="Repair Part Line", index="btree_not_null", readonly=True, copy=False
    )
