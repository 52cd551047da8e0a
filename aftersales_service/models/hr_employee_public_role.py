from odoo import fields, models

from .hr_job_role import ROLES


class HrEmployeePublic(models.Model):
    _inherit = "hr.employee.public"

    aftersales_role = fields.Selection(ROLES, string="After-sales Role", readonly=True)
