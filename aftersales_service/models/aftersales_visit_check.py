from odoo import fields, models

from .aftersales_visit import CHECK_RESULTS


class AftersalesVisitCheck(models.Model):
    """One line of an inspection's checklist: an item of one piece of equipment (a serial of
    the project), filled in on site (R47)."""

    _name = "aftersales.visit.check"
    _description = "Visit Checklist Line"
    _order = "visit_id, sequence, id"
    _check_company_auto = True

    visit_id = fields.Many2one(
        "aftersales.visit", required=True, ondelete="cascade", index=True, check_company=True
    )
    company_id = fields.Many2one(related="visit_id.company_id", store=True)
    sequence = fields.Integer(default=10)
    lot_id = fields.Many2one(
        "stock.lot",
        string="Equipment",
        domain="[('aftersales_project_id', '=', parent.project_id)]",
    )
    name = fields.Char(string="Check", required=True)
    result = fields.Selection(CHECK_RESULTS)
    note = fields.Char()
