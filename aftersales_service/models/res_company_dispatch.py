from odoo import fields, models


class ResCompany(models.Model):
    _inherit = "res.company"

    aftersales_engineering_manager_id = fields.Many2one(
        "res.users",
        string="Engineering Manager",
        help="Decides when the customer's technicians disagree with a repair plan (R22). "
        "Empty: the after-sales managers.",
    )
    aftersales_hour_cost = fields.Monetary(
        string="Engineer Hour Cost",
        currency_field="currency_id",
        default=0.0,
        help="Cost of one person-hour on site, used for the cost of service.",
    )

    def _aftersales_engineering_manager(self):
        self.ensure_one()
        return self._aftersales_named_or_manager(self.aftersales_engineering_manager_id)
