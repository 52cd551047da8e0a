from odoo import api, models


class AccountFullReconcile(models.Model):
    _inherit = "account.full.reconcile"

    @api.model_create_multi
    def create(self, vals_list):
        """A fully reconciled journal item settles the retention money paid against it."""
        fulls = super().create(vals_list)
        self.env["aftersales.retention"].sudo()._collect_reconciled(fulls.reconciled_line_ids)
        return fulls
