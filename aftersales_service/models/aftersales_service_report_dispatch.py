from odoo import fields, models


class AftersalesServiceReport(models.Model):
    """The trip a service report records (R23): the report is filled after the dispatch's work."""

    _inherit = "aftersales.service.report"

    dispatch_id = fields.Many2one(
        "aftersales.dispatch",
        string="Dispatch",
        index="btree_not_null",
        check_company=True,
        domain="[('ticket_id', '=', ticket_id)]",
        tracking=True,
    )
