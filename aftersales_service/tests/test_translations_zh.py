import os

from odoo.modules.module import get_module_path
from odoo.tests import TransactionCase, tagged
from odoo.tools.translate import PoFileReader, TranslationModuleReader

from .common import aftersales_addons

# The OCA modules whose screens our users work in; their Chinese model terms (fields, views,
# selections, data) are carried in aftersales_service/i18n_extra/zh_CN.po where they ship none.
EXPOSED_OCA_MODULES = ("helpdesk_mgmt", "purchase_request", "hr_expense_advance_clearing")
# The strings of those modules named in the China-readiness review (issue 14): labels of the
# request list and form, filters and group-bys, stage names, the chatter line of a new request,
# the purchase request labels and the employee advance.
NAMED_OCA_TERMS = {
    ("ir.model.fields", "helpdesk_mgmt.field_helpdesk_ticket__priority", "field_description"),
    ("ir.model.fields", "helpdesk_mgmt.field_helpdesk_ticket__number", "field_description"),
    ("ir.model.fields", "helpdesk_mgmt.field_helpdesk_ticket__name", "field_description"),
    ("ir.model.fields", "helpdesk_mgmt.field_helpdesk_ticket__partner_name", "field_description"),
    ("ir.model.fields", "helpdesk_mgmt.field_helpdesk_ticket__tag_ids", "field_description"),
    ("ir.model.fields", "helpdesk_mgmt.field_helpdesk_ticket__create_date", "field_description"),
    (
        "ir.model.fields",
        "helpdesk_mgmt.field_helpdesk_ticket__last_stage_update",
        "field_description",
    ),
    ("helpdesk.ticket.stage", "helpdesk_mgmt.helpdesk_ticket_stage_new", "name"),
    ("helpdesk.ticket.stage", "helpdesk_mgmt.helpdesk_ticket_stage_in_progress", "name"),
    ("helpdesk.ticket.stage", "helpdesk_mgmt.helpdesk_ticket_stage_awaiting", "name"),
    ("helpdesk.ticket.stage", "helpdesk_mgmt.helpdesk_ticket_stage_done", "name"),
    ("mail.message.subtype", "helpdesk_mgmt.hlp_tck_created", "name"),
    ("mail.message.subtype", "helpdesk_mgmt.hlp_tck_created", "description"),
    (
        "ir.model.fields",
        "purchase_request.field_purchase_request__requested_by",
        "field_description",
    ),
    ("ir.model.fields", "purchase_request.field_purchase_request__line_ids", "field_description"),
    (
        "ir.model.fields",
        "purchase_request.field_purchase_request_line__analytic_distribution",
        "field_description",
    ),
    (
        "ir.model.fields",
        "hr_expense_advance_clearing.field_hr_expense_sheet__advance",
        "field_description",
    ),
}


def _po_terms(module, lang="zh_CN"):
    """{source: translation} of a module's own .po files for `lang` (i18n and i18n_extra)."""
    terms = {}
    root = get_module_path(module)
    for folder in ("i18n", "i18n_extra"):
        path = os.path.join(root, folder, f"{lang}.po")
        if os.path.exists(path):
            with open(path, "rb") as po:
                for row in PoFileReader(po):
                    if row["value"]:
                        terms.setdefault(row["src"], row["value"])
    return terms


@tagged("post_install", "-at_install")
class TestChineseTranslations(TransactionCase):
    """Every string our users meet has Chinese (issue 14): the terms of our addons (fields,
    selections, views, menus, data, Python messages) and the model terms of the OCA modules
    whose screens they work in. English stays the source language."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env["res.lang"]._activate_lang("zh_CN")
        # Our addons: this one and every installed one built on it (aftersales_*).
        cls.our_addons = aftersales_addons(cls.env)
        modules = cls.env["ir.module.module"].search(
            [("name", "in", cls.our_addons + EXPOSED_OCA_MODULES)]
        )
        modules._update_translations("zh_CN")
        cls.carried = {}
        for module in cls.our_addons:
            cls.carried.update(_po_terms(module))

    def _untranslated(self, modules, types):
        """(module, type, name, source) of the terms without Chinese; a translation equal to
        its source (a code, a placeholder) counts when a .po file says so."""
        reader = TranslationModuleReader(self.env.cr, modules=list(modules), lang="zh_CN")
        missing = set()
        for module, ttype, name, _res_id, source, value, _comments in reader:
            if module not in modules or ttype not in types or value:
                continue
            if self.carried.get(source) == source:
                continue
            missing.add((module, ttype, name, source[:80]))
        return sorted(missing)

    def test_our_addons_fully_translated(self):
        self.assertIn("aftersales_service", self.our_addons)
        missing = self._untranslated(self.our_addons, {"model", "model_terms", "code"})
        self.assertFalse(
            missing, "Strings of our addons without Chinese:\n%s" % "\n".join(map(str, missing))
        )

    def test_exposed_oca_model_terms_translated(self):
        missing = self._untranslated(EXPOSED_OCA_MODULES, {"model", "model_terms"})
        self.assertFalse(
            missing,
            "OCA strings our users meet without Chinese:\n%s" % "\n".join(map(str, missing)),
        )

    def test_named_oca_strings_read_in_chinese(self):
        """The strings named in the review, read as a Chinese user reads them."""
        for model, xmlid, field in sorted(NAMED_OCA_TERMS):
            with self.subTest(xmlid=xmlid):
                record = self.env.ref(xmlid)
                self.assertEqual(record._name, model)
                english = record.with_context(lang="en_US")[field]
                chinese = record.with_context(lang="zh_CN")[field]
                self.assertTrue(english)
                self.assertNotEqual(chinese, english)
                self.assertRegex(chinese, r"[\u4e00-\u9fff]")

    def test_parts_resolver_available_quantity(self):
        """'Free' as a quantity is 可用 (available), not 免费 (free of charge)."""
        field = self.env["ir.model.fields"]._get("aftersales.parts.resolver.line", "free")
        self.assertEqual(field.with_context(lang="zh_CN").field_description, "可用")
        self.assertEqual(field.with_context(lang="en_US").field_description, "Available")

    def test_no_rule_codes_in_labels(self):
        """Rule codes such as "(R14)" belong in help and tooltips, not in labels users read."""
        fields = self.env["ir.model.fields"].search([("model", "like", "aftersales")])
        labels = fields.mapped("field_description") + self.env["ir.model.fields.selection"].search(
            [("field_id", "in", fields.ids)]
        ).mapped("name")
        self.assertFalse([label for label in labels if "(R" in label])
        views = self.env["ir.ui.view"].search(
            [("model_data_id.module", "in", list(self.our_addons))]
        )
        for view in views:
            with self.subTest(view=view.xml_id):
                self.assertNotRegex(view.arch_db, r'(string|placeholder)="[^"]*\(R\d+')
