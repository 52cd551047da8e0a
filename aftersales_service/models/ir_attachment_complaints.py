from odoo import api, models


class IrAttachment(models.Model):
    _inherit = "ir.attachment"

    @api.model
    def _aftersales_filed_models(self):
        """Complaints are filed in their project's archive too (visits and complaints)."""
        return super()._aftersales_filed_models() | {"aftersales.complaint"}
