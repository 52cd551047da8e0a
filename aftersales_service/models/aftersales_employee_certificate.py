from odoo import api, fields, models
from odoo.exceptions import ValidationError


class AftersalesEmployeeCertificate(models.Model):
    """A training record or certificate of an after-sales engineer (R45), valid for an
    equipment category (and its sub-categories) until its expiry date."""

    _name = "aftersales.employee.certificate"
    _description = "Engineer Certificate"
    _order = "expiry_date desc, id desc"
    _check_company_auto = True

    name = fields.Char(string="Certificate / Training", required=True)
    employee_id = fields.Many2one(
        "hr.employee",
        string="Engineer",
        required=True,
        index=True,
        ondelete="cascade",
        check_company=True,
    )
    company_id = fields.Many2one(related="employee_id.company_id", store=True, index=True)
    categ_id = fields.Many2one(
        "product.category",
        string="Equipment Category",
        required=True,
        help="The certificate qualifies the engineer for this category and its sub-categories.",
    )
    reference = fields.Char(string="Certificate No.")
    issue_date = fields.Date()
    expiry_date = fields.Date(help="Leave empty if the certificate does not expire.")
    document = fields.Binary(attachment=True)
    document_name = fields.Char()
    expired = fields.Boolean(compute="_compute_expired")

    @api.depends("expiry_date")
    def _compute_expired(self):
        today = self.env.company._aftersales_today()
        for certificate in self:
            certificate.expired = bool(certificate.expiry_date) and certificate.expiry_date < today

    @api.constrains("issue_date", "expiry_date")
    def _check_dates(self):
        for certificate in self:
            if (
                certificate.issue_date
                and certificate.expiry_date
                and certificate.expiry_date < certificate.issue_date
            ):
                raise ValidationError(
                    self.env._(
                        "Certificate %(name)s: the expiry date cannot be before the issue date.",
                        name=certificate.name,
                    )
                )
