from odoo import SUPERUSER_ID, api


def migrate(cr, version):
    """Existing databases before 18.0.1.1.0."""
    if not version:
        return
    env = api.Environment(cr, SUPERUSER_ID, {})
    # Issue 11: invoices made from sale orders were never linked to their service request;
    # compute the links they now follow from their orders' lines.
    moves = env["account.move"].search([("invoice_line_ids.sale_line_ids", "!=", False)])
    for fname in ("aftersales_ticket_id", "aftersales_project_id"):
        env.add_to_compute(moves._fields[fname], moves)
    moves._recompute_recordset(["aftersales_ticket_id", "aftersales_project_id"])
    # Issue 12: payment notices printed from a project are filed with the other payment
    # documents (B7, noupdate data), not in the project's own class A.
    category = env.ref("aftersales_service.archive_category_b7", raise_if_not_found=False)
    if category and not category.report_xmlid:
        category.report_xmlid = "aftersales_collection.action_report_payment_notice"
