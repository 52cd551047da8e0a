from odoo import api, fields, models


class HrEmployee(models.Model):
    _inherit = "hr.employee"

    # R43: field staff sign a confidentiality agreement; it is part of their assessment.
    aftersales_nda_date = fields.Date(
        string="Confidentiality Agreement Signed On", groups="hr.group_hr_user", tracking=True
    )
    aftersales_nda_document = fields.Binary(
        string="Confidentiality Agreement", attachment=True, groups="hr.group_hr_user"
    )
    aftersales_nda_document_name = fields.Char(groups="hr.group_hr_user")
    # R45: training records and certificates.
    aftersales_certificate_ids = fields.One2many(
        "aftersales.employee.certificate",
        "employee_id",
        string="Certificates",
        groups="hr.group_hr_user",
    )
    aftersales_dispatch_ids = fields.Many2many(
        "aftersales.dispatch",
        "aftersales_dispatch_employee_rel",
        "employee_id",
        "dispatch_id",
        string="Trips",
        groups="hr.group_hr_user",
    )
    aftersales_dispatch_count = fields.Integer(
        compute="_compute_aftersales_dispatch_count", groups="hr.group_hr_user"
    )

    @api.depends("aftersales_dispatch_ids")
    def _compute_aftersales_dispatch_count(self):
        for employee in self:
            employee.aftersales_dispatch_count = len(employee.aftersales_dispatch_ids)
