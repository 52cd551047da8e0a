from odoo import models

from .aftersales_project_collection import RECEIVABLE_GROUPS


class ResPartner(models.Model):
    _inherit = "res.partner"

    def _aftersales_customer_file(self):
        """R4: the customer file shows the retention money of the customer's projects too."""
        values = super()._aftersales_customer_file()
        values["retentions"] = self.env["aftersales.retention"]
        if any(self.env.user.has_group(group) for group in RECEIVABLE_GROUPS.split(",")):
            values["retentions"] = (
                self.env["aftersales.retention"]
                .sudo()
                .search(
                    [
                        ("project_id.commercial_partner_id", "=", self.commercial_partner_id.id),
                        ("company_id", "in", self.env.companies.ids),
                    ],
                    order="due_date, id",
                )
            )
        return values
