from odoo import api, fields, models
from odoo.exceptions import ValidationError

HAZARD_CATEGORIES = [
    ("electrical", "Electrical"),
    ("height", "Working at Height"),
    ("confined_space", "Confined Space"),
    ("chemical", "Chemical"),
    ("pressure", "Pressure"),
    ("rotating", "Rotating Machinery"),
    ("fire", "Fire / Explosion"),
    ("other", "Other"),
]
LEVELS = [
    ("1", "1 - Very Low"),
    ("2", "2 - Low"),
    ("3", "3 - Medium"),
    ("4", "4 - High"),
    ("5", "5 - Very High"),
]
RISK_LEVELS = [("low", "Low"), ("medium", "Medium"), ("high", "High"), ("critical", "Critical")]
# R40: the usual 5 × 5 risk matrix (probability × severity): the lowest score of each level above
# "low", worst first. The regulation names no numbers; a stored level, so not a setting.
RISK_THRESHOLDS = (("critical", 20), ("high", 10), ("medium", 5))
# Fields whose change makes an acknowledged briefing outdated.
BRIEFED_FIELDS = {
    "name",
    "category",
    "description",
    "probability",
    "severity",
    "control_measures",
    "avoidance_plan",
    "ppe",
    "active",
    "project_id",
}


class AftersalesHazard(models.Model):
    """A hazard of a customer site (R40): of the equipment or of the production environment,
    with the plan to avoid it. Every engineer sent there is briefed on the active ones (R41)."""

    _name = "aftersales.hazard"
    _description = "Site Hazard"
    # The gate mixin: the risk score and level (R40) are computed by the rules alone.
    _inherit = ["mail.thread", "aftersales.gate.mixin"]
    _order = "project_id, risk_score desc, sequence, id"
    _check_company_auto = True

    name = fields.Char(string="Hazard", required=True, tracking=True)
    sequence = fields.Integer(default=10)
    active = fields.Boolean(default=True, tracking=True)
    project_id = fields.Many2one(
        "aftersales.project",
        string="Project / Site",
        required=True,
        index=True,
        ondelete="cascade",
        tracking=True,
        check_company=True,
    )
    company_id = fields.Many2one(related="project_id.company_id", store=True, index=True)
    partner_id = fields.Many2one(related="project_id.partner_id", string="Customer")
    category = fields.Selection(HAZARD_CATEGORIES, required=True, default="other", tracking=True)
    description = fields.Text()
    probability = fields.Selection(LEVELS, required=True, default="3", tracking=True)
    severity = fields.Selection(LEVELS, required=True, default="3", tracking=True)
    risk_score = fields.Integer(compute="_compute_risk", store=True, help="Probability × severity")
    risk_level = fields.Selection(RISK_LEVELS, compute="_compute_risk", store=True, tracking=True)
    control_measures = fields.Text(required=True, tracking=True)
    avoidance_plan = fields.Text(string="Avoidance / Emergency Plan", tracking=True)
    ppe = fields.Char(string="Protective Equipment", tracking=True)

    @api.depends("probability", "severity")
    def _compute_risk(self):
        for hazard in self:
            score = int(hazard.probability or 0) * int(hazard.severity or 0)
            hazard.risk_score = score
            hazard.risk_level = self._risk_level_of(score)

    @api.model
    def _risk_level_of(self, score):
        """Risk matrix 5 × 5: 1–4 low, 5–9 medium, 10–16 high, 20–25 critical."""
        return next((level for level, lowest in RISK_THRESHOLDS if score >= lowest), "low")

    @api.constrains("control_measures")
    def _check_control_measures(self):
        for hazard in self:
            if not (hazard.control_measures or "").strip():
                raise ValidationError(
                    self.env._("Hazard %(name)s: state the control measures.", name=hazard.name)
                )

    @api.model_create_multi
    def create(self, vals_list):
        hazards = super().create(vals_list)
        hazards.project_id._aftersales_hazards_changed()
        return hazards

    def write(self, vals):
        projects = self.project_id
        res = super().write(vals)
        if BRIEFED_FIELDS & set(vals):
            (projects | self.project_id)._aftersales_hazards_changed()
        return res

    def unlink(self):
        # Not a check but a consequence: the trips not left yet are briefed again without it.
        projects = self.project_id
        res = super().unlink()
        projects._aftersales_hazards_changed()
        return res
