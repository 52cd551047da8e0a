from odoo import fields, models


class AftersalesServiceReportSign(models.TransientModel):
    """The customer signs a service report on the engineer's tablet (R23). The signature is
    given to the signing action; nobody writes it on the report."""

    _name = "aftersales.service.report.sign"
    _description = "Sign a Service Report"

    report_id = fields.Many2one("aftersales.service.report", required=True, ondelete="cascade")
    signed_by = fields.Char(string="Customer's Name", required=True)
    signature = fields.Image(
        string="Customer Signature", required=True, max_width=1024, max_height=1024
    )

    def action_confirm(self):
        self.ensure_one()
        self.report_id.check_access("write")
        self.report_id._check_assignment()
        self.report_id._action_sign(self.signed_by.strip(), self.signature)
        return {"type": "ir.actions.act_window_close"}
