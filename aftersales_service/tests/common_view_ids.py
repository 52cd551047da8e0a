from odoo.modules.migration import load_script
from odoo.tests import TransactionCase


class ViewIdsCase(TransactionCase):
    """The ids of an addon's inheriting views say they inherit (issue 20) and the pre-migrate
    script renames the xml ids of an existing database, keeping their records. A subclass names
    its addon (MODULE), the script (SCRIPT) and the version the script migrates from."""

    MODULE = None
    SCRIPT = None
    FROM_VERSION = None

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        name = cls.SCRIPT.replace("/", "_").replace("-", "_").removesuffix(".py")
        cls.migration = load_script(cls.SCRIPT, name)
        cls.mapping = cls.migration.VIEW_IDS

    def _view_xmlids(self):
        """{name: view id} of the addon's ir.ui.view xml ids."""
        self.env.flush_all()
        self.env.cr.execute(
            "SELECT name, res_id FROM ir_model_data WHERE module = %s AND model = 'ir.ui.view'",
            [self.MODULE],
        )
        return dict(self.env.cr.fetchall())

    def assert_view_ids_renamed(self):
        xmlids = self._view_xmlids()
        self.assertFalse(set(self.mapping) & set(xmlids), "an old view id is still there")
        self.assertLessEqual(set(self.mapping.values()), set(xmlids), "a new view id is missing")
        # the rule holds for every extension view of the addon, not only the renamed ones
        views = self.env["ir.ui.view"].browse(xmlids.values())
        extensions = views.filtered(lambda v: v.inherit_id and v.mode == "extension")
        self.assertTrue(extensions)
        for name, view_id in xmlids.items():
            if view_id in extensions.ids:
                self.assertIn("_inherit_", name, f"{self.MODULE}.{name} does not say it inherits")

    def assert_migration_renames_again(self):
        before = self._view_xmlids()
        renamed = {new: old for old, new in self.mapping.items()}
        # the database as a previous version left it: the old names
        self.env.cr.execute(
            """UPDATE ir_model_data d SET name = m.old
                 FROM unnest(%s::varchar[], %s::varchar[]) AS m(new, old)
                WHERE d.module = %s AND d.name = m.new""",
            [list(renamed), list(renamed.values()), self.MODULE],
        )
        self.assertEqual(self.env.cr.rowcount, len(self.mapping))
        self.assertLessEqual(set(self.mapping), set(self._view_xmlids()))
        self.migration.migrate(self.env.cr, self.FROM_VERSION)
        # the same view records, under the new names again
        self.assertEqual(self._view_xmlids(), before)
