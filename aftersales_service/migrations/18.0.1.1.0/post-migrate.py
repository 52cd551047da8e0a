from odoo import SUPERUSER_ID, Command, api

FINANCE_READERS = (
    "account.group_account_invoice",
    "account.group_account_readonly",
    "aftersales_service.group_aftersales_user",
)


def migrate(cr, version):
    """Issue 12 on an existing database: the archive takes its own copy of every file it filed
    before (R39), and the finance categories, noupdate data, name their readers."""
    env = api.Environment(cr, SUPERUSER_ID, {})
    env["aftersales.archive.entry"].with_context(active_test=False).search([])._own_files()
    readers = [env.ref(xmlid).id for xmlid in FINANCE_READERS]
    for xmlid in (
        "aftersales_service.archive_category_a4",
        "aftersales_service.archive_category_b7",
    ):
        category = env.ref(xmlid, raise_if_not_found=False)
        if category and not category.group_ids:
            category.group_ids = [Command.set(readers)]
