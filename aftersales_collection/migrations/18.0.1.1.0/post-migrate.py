from odoo import SUPERUSER_ID, api


def migrate(cr, version):
    """Issue 12 on an existing database: payment notices printed from a project are filed with
    the other payment documents (B7, noupdate data), not in the project's own class A."""
    env = api.Environment(cr, SUPERUSER_ID, {})
    category = env.ref("aftersales_service.archive_category_b7", raise_if_not_found=False)
    if category and not category.report_xmlid:
        category.report_xmlid = "aftersales_collection.action_report_payment_notice"
