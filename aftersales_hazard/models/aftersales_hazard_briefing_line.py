from odoo import fields, models

from .aftersales_hazard import HAZARD_CATEGORIES, RISK_LEVELS


class AftersalesHazardBriefingLine(models.Model):
    """One hazard as it was when the engineer was briefed."""

    _name = "aftersales.hazard.briefing.line"
    _description = "Site Hazard Briefing Line"
    _order = "briefing_id, id"

    briefing_id = fields.Many2one(
        "aftersales.hazard.briefing", required=True, index=True, ondelete="cascade"
    )
    hazard_id = fields.Many2one(
        "aftersales.hazard", string="Register Entry", ondelete="set null", index="btree_not_null"
    )
    name = fields.Char(string="Hazard", required=True)
    category = fields.Selection(HAZARD_CATEGORIES)
    risk_level = fields.Selection(RISK_LEVELS)
    description = fields.Text()
    control_measures = fields.Text()
    avoidance_plan = fields.Text(string="Avoidance / Emergency Plan")
    ppe = fields.Char(string="Protective Equipment")
