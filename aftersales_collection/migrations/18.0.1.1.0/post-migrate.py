from odoo import SUPERUSER_ID, api


def migrate(cr, version):
    """Invoices made from sale orders before 18.0.1.1.0 were never linked to their service
    request (issue 11): compute the links they now follow from their orders' lines."""
    if not version:
        return
    env = api.Environment(cr, SUPERUSER_ID, {})
    moves = env["account.move"].search([("invoice_line_ids.sale_line_ids", "!=", False)])
    for fname in ("aftersales_ticket_id", "aftersales_project_id"):
        env.add_to_compute(moves._fields[fname], moves)
    moves._recompute_recordset(["aftersales_ticket_id", "aftersales_project_id"])
