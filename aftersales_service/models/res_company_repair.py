from odoo import api, fields, models
from odoo.exceptions import ValidationError


class ResCompany(models.Model):
    _inherit = "res.company"

    # R27: keep the margin of paid service in the middle-to-high range.
    aftersales_margin_min = fields.Float(
        string="Target Margin From (%)",
        default=25.0,
        help="A paid service quotation below this margin shows a warning.",
    )
    aftersales_margin_max = fields.Float(
        string="Target Margin To (%)",
        default=45.0,
        help="Upper end of the target margin range of paid service quotations.",
    )
    # R26: small deals are agreed by after-sales, large ones by management.
    aftersales_quote_approval_amount = fields.Monetary(
        string="Quotation Approval Above",
        currency_field="currency_id",
        default=50000.0,
        help="A paid service quotation whose untaxed amount exceeds this needs the "
        "after-sales manager's approval before it is sent.",
    )
    # R17: large shipments travel with a consignment note.
    aftersales_large_weight = fields.Float(
        string="Large Shipment Weight (kg)",
        default=100.0,
        help="A shipment heavier than this is large and gets a consignment note.",
    )
    aftersales_large_volume = fields.Float(
        string="Large Shipment Volume (m³)",
        default=1.0,
        digits=(10, 3),
        help="A shipment bulkier than this is large and gets a consignment note.",
    )

    @api.constrains("aftersales_margin_min", "aftersales_margin_max")
    def _check_aftersales_margin_range(self):
        for company in self:
            if not 0 <= company.aftersales_margin_min <= company.aftersales_margin_max < 100:
                raise ValidationError(
                    self.env._(
                        "The target margin range of %(company)s must run from 0 %% upwards, its "
                        "lower end not above its upper end, and stay below 100 %%.",
                        company=company.name,
                    )
                )

    @api.constrains(
        "aftersales_quote_approval_amount", "aftersales_large_weight", "aftersales_large_volume"
    )
    def _check_aftersales_repair_thresholds(self):
        for company in self:
            if (
                min(
                    company.aftersales_quote_approval_amount,
                    company.aftersales_large_weight,
                    company.aftersales_large_volume,
                )
                < 0
            ):
                raise ValidationError(
                    self.env._(
                        "The thresholds of %(company)s cannot be negative.", company=company.name
                    )
                )

    def _aftersales_parts_policy_calendar(self):
        """The deadline engine's policy and working calendar for this company's part deadlines:
        the same settings and calendar (holidays and make-up working days) as every other clock."""
        self.ensure_one()
        return self._aftersales_deadline_policy(), self._aftersales_work_calendar()
