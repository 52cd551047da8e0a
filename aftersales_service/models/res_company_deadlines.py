from dataclasses import fields as dataclass_fields

from odoo import api, fields, models
from odoo.exceptions import ValidationError

from ..tools import deadline_engine as engine

ANSWER_POLICIES = [
    ("severity", "By severity"),  # R7
    ("flat", "Any demand"),  # R11
]
ONSITE_POLICIES = [
    ("distance", "By distance"),  # R9
    ("province", "By province"),  # R10
    ("none", "No on-site deadline"),
]
_SELECTIONS = ("answer_policy", "onsite_policy")
# Every number of the engine's DeadlinePolicy, stored on the company as aftersales_<name>.
POLICY_FIELDS = tuple(field.name for field in dataclass_fields(engine.DeadlinePolicy))
DEFAULTS = engine.DeadlinePolicy()


class ResCompany(models.Model):
    """Per-company deadline settings: every number of R7-R12 is an editable default
    seeded from the regulation, plus the escalation of the deadlines."""

    _inherit = "res.company"

    aftersales_answer_policy = fields.Selection(
        ANSWER_POLICIES,
        string="Answer Policy",
        default=DEFAULTS.answer_policy,
        required=True,
        help="R7: by the severity of the problem; R11: any service demand within the same hours.",
    )
    # R11: respond to any service demand within 24 h.
    aftersales_answer_flat_hours = fields.Float(
        string="Answer: Any Demand (h)", default=DEFAULTS.answer_flat_hours
    )
    # R7: answer a general problem within 4 h, a major or difficult one within 24 h.
    aftersales_answer_general_hours = fields.Float(
        string="Answer: General (h)", default=DEFAULTS.answer_general_hours
    )
    aftersales_answer_major_hours = fields.Float(
        string="Answer: Major (h)", default=DEFAULTS.answer_major_hours
    )
    aftersales_onsite_policy = fields.Selection(
        ONSITE_POLICIES,
        string="On-site Policy",
        default=DEFAULTS.onsite_policy,
        required=True,
        help="Which variant of the regulation sets the on-site deadline.",
    )
    # R9: within 100 km on site in 24 h; beyond it answer within 12 h and be on site in 72 h.
    aftersales_onsite_radius_km = fields.Float(
        string="On-site Radius (km)", default=DEFAULTS.onsite_radius_km
    )
    aftersales_onsite_near_hours = fields.Float(
        string="On Site Within the Radius (h)", default=DEFAULTS.onsite_near_hours
    )
    aftersales_onsite_far_hours = fields.Float(
        string="On Site Beyond the Radius (h)", default=DEFAULTS.onsite_far_hours
    )
    aftersales_answer_far_max_hours = fields.Float(
        string="Answer Beyond the Radius (h)", default=DEFAULTS.answer_far_max_hours
    )
    # R10: in province on site within 8 h, out of province within 24 h.
    aftersales_onsite_in_province_hours = fields.Float(
        string="On Site In Province (h)", default=DEFAULTS.onsite_in_province_hours
    )
    aftersales_onsite_out_province_hours = fields.Float(
        string="On Site Out of Province (h)", default=DEFAULTS.onsite_out_province_hours
    )
    # R12: quotation cut-offs 12:00 / 17:00, major needs within 48 h.
    aftersales_quote_noon_cutoff = fields.Float(
        string="Quotation Same-day Cut-off", default=DEFAULTS.quote_noon_cutoff
    )
    aftersales_quote_evening_cutoff = fields.Float(
        string="Quotation Next-noon Cut-off", default=DEFAULTS.quote_evening_cutoff
    )
    aftersales_quote_major_hours = fields.Float(
        string="Quotation: Major (h)", default=DEFAULTS.quote_major_hours
    )
    # R8: common spares within 24 h, domestic items within 3 working days.
    aftersales_parts_stock_hours = fields.Float(
        string="Parts From Stock (h)", default=DEFAULTS.parts_stock_hours
    )
    aftersales_parts_domestic_working_days = fields.Integer(
        string="Domestic Parts (working days)", default=DEFAULTS.parts_domestic_working_days
    )
    aftersales_escalation_percent = fields.Integer(
        string="Escalation Warning (%)",
        default=75,
        help="Warn the after-sales manager when this share of a deadline's window has passed.",
    )
    aftersales_escalation_user_id = fields.Many2one(
        "res.users",
        string="After-sales Manager",
        domain="[('share', '=', False)]",
        help="Receives the deadline warnings; when empty, the first after-sales manager.",
    )

    @api.constrains(*("aftersales_" + name for name in POLICY_FIELDS if name not in _SELECTIONS))
    def _check_aftersales_deadline_numbers(self):
        for company in self:
            for name in POLICY_FIELDS:
                if name not in _SELECTIONS and company["aftersales_" + name] < 0:
                    raise ValidationError(
                        self.env._(
                            "%(company)s: the deadline setting “%(setting)s” cannot be negative.",
                            company=company.name,
                            setting=company._fields["aftersales_" + name].get_description(self.env)[
                                "string"
                            ],
                        )
                    )
            noon, evening = (
                company.aftersales_quote_noon_cutoff,
                company.aftersales_quote_evening_cutoff,
            )
            if not 0 <= noon <= evening <= 24:
                raise ValidationError(
                    self.env._(
                        "%(company)s: the quotation cut-offs must satisfy 0:00 ≤ %(noon)s ≤ "
                        "%(evening)s ≤ 24:00.",
                        company=company.name,
                        noon=noon,
                        evening=evening,
                    )
                )

    @api.constrains("aftersales_escalation_percent")
    def _check_aftersales_escalation_percent(self):
        for company in self:
            if not 1 <= company.aftersales_escalation_percent <= 99:
                raise ValidationError(
                    self.env._(
                        "%(company)s: the escalation warning must come between 1 %% and 99 %% "
                        "of a deadline's window.",
                        company=company.name,
                    )
                )

    def write(self, vals):
        res = super().write(vals)
        if any(
            key.startswith("aftersales_") and key[len("aftersales_") :] in POLICY_FIELDS
            for key in vals
        ):
            # New numbers apply to the open requests at once.
            self.env["helpdesk.ticket"].search(
                [("company_id", "in", self.ids), ("stage_id.closed", "=", False)]
            )._aftersales_recompute_deadlines()
        return res

    def _aftersales_deadline_policy(self):
        """The company's numbers as the engine's DeadlinePolicy."""
        self.ensure_one()
        return engine.DeadlinePolicy(**{name: self["aftersales_" + name] for name in POLICY_FIELDS})

    def _aftersales_work_calendar(self):
        """The company's working calendar as the engine's WorkCalendar (cached)."""
        self.ensure_one()
        calendar = self.resource_calendar_id
        if not calendar:
            return engine.WorkCalendar(tz=self.partner_id.tz or "UTC")
        return calendar._aftersales_work_calendar()

    def _aftersales_warn_at(self, start, deadline):
        """When the escalation warning of a clock running from ``start`` to ``deadline`` is due:
        the company's share of that window (the setting is checked to be 1-99 %)."""
        self.ensure_one()
        return start + (deadline - start) * self.aftersales_escalation_percent / 100

    def _aftersales_escalation_user(self):
        """Who receives the deadline warnings of this company."""
        self.ensure_one()
        return self._aftersales_named_or_manager(self.aftersales_escalation_user_id)

    def _aftersales_part_deadline(self, start, origin, contract_date=None):
        """When a spare part ordered at ``start`` (naive UTC) is due, by its origin (R8)."""
        self.ensure_one()
        return engine.part_deadline(
            start,
            origin,
            self._aftersales_deadline_policy(),
            self._aftersales_work_calendar(),
            contract_date=contract_date,
        )
