from odoo import fields, models


class HelpdeskTicket(models.Model):
    _inherit = "helpdesk.ticket"

    aftersales_visit_id = fields.Many2one(
        "aftersales.visit",
        string="Raised at Visit",
        index="btree_not_null",
        copy=False,
        check_company=True,
        help="The visit whose findings raised this request.",
    )
