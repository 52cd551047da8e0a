from lxml import etree

from odoo import SUPERUSER_ID, api
from odoo.tools.convert import xml_import
from odoo.tools.misc import file_path

XMLID = "mail_template_payment_notice"


def migrate(cr, version):
    """Existing databases before 18.0.1.2.0 (issue 19): the payment-notice e-mail gets its new
    body (unpaid invoices, amount not invoiced, open items, total in capitals, R29).

    The template is `noupdate` data, which an upgrade does not load again: its record is loaded
    from the data file this once, still `noupdate` afterwards, and the translations of its body
    and description are dropped so that the module's (Chinese), loaded after this script, fill
    them for the new text. A body edited by hand in the database is replaced (the old one listed
    the unpaid invoices only)."""
    if not version:
        return
    env = api.Environment(cr, SUPERUSER_ID, {})
    noupdate = (
        "UPDATE ir_model_data SET noupdate = %s WHERE module = 'aftersales_collection' "
        "AND name = %s"
    )
    cr.execute(noupdate, [False, XMLID])
    data = etree.parse(file_path("aftersales_collection/data/mail_template_data.xml"))
    root = etree.Element("odoo")
    root.extend(data.getroot().iterfind(f"record[@id='{XMLID}']"))
    xml_import(env, "aftersales_collection", {}, mode="update", noupdate=False).parse(root)
    template = env.ref(f"aftersales_collection.{XMLID}")
    env.flush_all()
    cr.execute(
        """
        UPDATE mail_template
           SET body_html = jsonb_build_object('en_US', body_html -> 'en_US'),
               description = jsonb_build_object('en_US', description -> 'en_US')
         WHERE id = %s
        """,
        [template.id],
    )
    cr.execute(noupdate, [True, XMLID])
    template.invalidate_recordset(["body_html", "description"])
