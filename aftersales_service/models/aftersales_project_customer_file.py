from odoo import models


class AftersalesProject(models.Model):
    _inherit = "aftersales.project"

    def _aftersales_maintenance_end(self):
        """Hook for the maintenance contract (visits addon: ``maintenance_contract_end``): the
        end of the project's maintenance contract, or False when none is recorded."""
        self.ensure_one()
        return "maintenance_contract_end" in self._fields and self["maintenance_contract_end"]
