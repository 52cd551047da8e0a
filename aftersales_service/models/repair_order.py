from odoo import fields, models


class RepairOrder(models.Model):
    _inherit = "repair.order"

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
