from odoo import fields, models

# R46: the after-sales department's roles. Groups stay for access; the role says who does what.
ROLES = [
    ("head", "Department Head"),
    ("deputy", "Deputy Head"),
    ("engineer", "Technical Engineer (on site)"),
    ("support", "Technical Support (phone and network)"),
    ("dispatcher", "Dispatcher"),
    ("service", "Customer-Service Specialist"),
]


class HrJob(models.Model):
    _inherit = "hr.job"

    aftersales_role = fields.Selection(
        ROLES,
        string="After-sales Role",
        help="The role this job plays in the after-sales department.",
    )
