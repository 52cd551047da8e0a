from odoo import api, fields, models

from .hr_job_role import ROLES


class HrEmployee(models.Model):
    _inherit = "hr.employee"

    aftersales_role = fields.Selection(
        ROLES,
        string="After-sales Role",
        compute="_compute_aftersales_role",
        store=True,
        readonly=False,
        tracking=True,
        help="Follows the job position's role; may be set by hand. Assignment and statistics "
        "use it.",
    )

    @api.depends("job_id.aftersales_role")
    def _compute_aftersales_role(self):
        for employee in self:
            if employee.job_id.aftersales_role:
                employee.aftersales_role = employee.job_id.aftersales_role
