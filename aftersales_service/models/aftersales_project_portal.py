from odoo import models

from ..tools.access import internal_only


class AftersalesProject(models.Model):
    _inherit = "aftersales.project"

    @internal_only()
    def action_share(self):
        return super().action_share()
