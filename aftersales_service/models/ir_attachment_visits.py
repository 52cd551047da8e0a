from odoo import api, models


class IrAttachment(models.Model):
    _inherit = "ir.attachment"

    @api.model
    def _aftersales_filed_models(self):
        return super()._aftersales_filed_models() | {"aftersales.visit"}
