from odoo import api, fields, models
from odoo.exceptions import ValidationError


class StockLot(models.Model):
    _inherit = "stock.lot"

    aftersales_project_id = fields.Many2one(
        "aftersales.project",
        string="Installed in Project",
        index="btree_not_null",
        tracking=True,
        help="The after-sales project where this serial is installed.",
    )
    aftersales_partner_id = fields.Many2one(
        related="aftersales_project_id.partner_id", string="Installed at Customer"
    )
    aftersales_warranty_end = fields.Date(
        string="Serial Warranty End",
        tracking=True,
        help="Own warranty end of this serial (a replaced unit, an extended warranty); "
        "when empty, the project's warranty applies.",
    )

    @api.constrains("aftersales_project_id", "company_id")
    def _check_aftersales_project_company(self):
        for lot in self:
            project = lot.aftersales_project_id
            if project and lot.company_id and project.company_id != lot.company_id:
                raise ValidationError(
                    self.env._(
                        "Serial %(lot)s belongs to %(lot_company)s; it cannot be installed in "
                        "project %(project)s of %(project_company)s.",
                        lot=lot.name,
                        lot_company=lot.company_id.name,
                        project=project.name,
                        project_company=project.company_id.name,
                    )
                )
