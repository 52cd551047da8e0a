from odoo import models


class SaleOrder(models.Model):
    _inherit = "sale.order"

    def _prepare_invoice(self):
        """Invoices of a project's contract are filed under the project (R29)."""
        vals = super()._prepare_invoice()
        project = self.env["aftersales.project"].search(
            [("sale_order_id", "=", self.id)], limit=1
        )
        if project:
            vals["aftersales_project_id"] = project.id
        return vals
