from odoo.exceptions import UserError
from odoo.tests import Form, tagged

from .common import AftersalesCase


class ArchiveCase(AftersalesCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.Entry = cls.env["aftersales.archive.entry"]
        cls.cat_a1 = cls.env.ref("aftersales_service.archive_category_a1")
        cls.cat_b1 = cls.env.ref("aftersales_service.archive_category_b1")
        cls.cat_b2 = cls.env.ref("aftersales_service.archive_category_b2")
        cls.cat_b = cls.env.ref("aftersales_service.archive_category_b")
        cls.cat_a = cls.env.ref("aftersales_service.archive_category_a")

    @classmethod
    def _entry(cls, project, category, title="Document", **vals):
        return cls.Entry.create(
            {"project_id": project.id, "category_id": category.id, "name": title, **vals}
        )


@tagged("post_install", "-at_install")
class TestArchiveNumbering(ArchiveCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        # Two projects of one customer: their archives never mix (R36).
        cls.project_1 = cls._project("XM-2026-001")
        cls.project_2 = cls._project("XM-2026-002")

    def test_taxonomy_two_classes_twelve_items(self):
        # R35: two classes and twelve sub-items, each with its own short code.
        classes = self.env["aftersales.archive.category"].search([("parent_id", "=", False)])
        self.assertEqual(sorted(classes.mapped("code")), ["A", "B"])
        items = self.env["aftersales.archive.category"].search([("parent_id", "in", classes.ids)])
        self.assertEqual(len(items), 12)
        self.assertEqual(len(set(items.mapped("code"))), 12)

    def test_numbers_follow_project_order_number_per_category(self):
        first = self._entry(self.project_1, self.cat_b1)
        other_project = self._entry(self.project_2, self.cat_b1)
        other_category = self._entry(self.project_1, self.cat_a1)
        second = self._entry(self.project_1, self.cat_b1)
        self.assertEqual(first.index_number, "XM-2026-001-B1-0001")
        self.assertEqual(second.index_number, "XM-2026-001-B1-0002")
        self.assertEqual(other_project.index_number, "XM-2026-002-B1-0001")
        self.assertEqual(other_category.index_number, "XM-2026-001-A1-0001")

    def test_batch_create_is_continuous(self):
        self._entry(self.project_1, self.cat_b2)
        entries = self.Entry.create(
            [
                {"project_id": project.id, "category_id": self.cat_b2.id, "name": f"Doc {i}"}
                for i, project in enumerate(
                    [self.project_1, self.project_2, self.project_1, self.project_1]
                )
            ]
        )
        self.assertEqual(
            entries.mapped("index_number"),
            [
                "XM-2026-001-B2-0002",
                "XM-2026-002-B2-0001",
                "XM-2026-001-B2-0003",
                "XM-2026-001-B2-0004",
            ],
        )
        numbers = self.Entry.search(
            [("project_id", "=", self.project_1.id), ("category_id", "=", self.cat_b2.id)]
        ).mapped("sequence_number")
        self.assertEqual(numbers, list(range(1, len(numbers) + 1)), "no gap in a section")

    def test_important_by_category_default_and_explicit(self):
        self.assertTrue(self._entry(self.project_1, self.cat_a1).important)
        self.assertFalse(self._entry(self.project_1, self.cat_b1).important)
        self.assertTrue(self._entry(self.project_1, self.cat_b1, important=True).important)

    def test_number_project_and_category_are_frozen(self):
        entry = self._entry(self.project_1, self.cat_b1)
        for vals in (
            {"project_id": self.project_2.id},
            {"category_id": self.cat_b2.id},
            {"index_number": "XM-2026-001-B1-0099"},
        ):
            with self.assertRaises(UserError):
                entry.write(vals)
        self.assertEqual(entry.index_number, "XM-2026-001-B1-0001")
        entry.write({"name": "Renamed", "description": "Typo fixed"})
        self.assertEqual(entry.name, "Renamed")
        # Data files rewrite every field on update: unchanged values pass.
        entry.write(
            {"project_id": self.project_1.id, "category_id": self.cat_b1.id, "name": "Again"}
        )
        self.assertEqual(entry.name, "Again")

    def test_project_order_number_frozen_once_filed(self):
        self.project_2.name = "XM-2026-002A"  # nothing filed yet: still free
        self._entry(self.project_2, self.cat_b1)
        with self.assertRaises(UserError):
            self.project_2.name = "XM-2026-009"
        self.assertEqual(self.project_2.name, "XM-2026-002A")

    def test_category_code_frozen_once_used(self):
        self.cat_b2.code = "B2X"
        self.cat_b2.code = "B2"
        self._entry(self.project_1, self.cat_b2)
        with self.assertRaises(UserError):
            self.cat_b2.code = "B9"

    def test_unlink_refused_to_everyone(self):
        # R39: nothing is ever deleted, not even by the manager or the superuser.
        entry = self._entry(self.project_1, self.cat_b1)
        for env_entry in (
            entry.sudo(),
            entry.with_user(self.manager),
            entry.with_user(self.as_user),
        ):
            with self.assertRaises(UserError):
                env_entry.unlink()
        self.assertTrue(entry.exists())

    def test_project_with_archive_cannot_be_deleted(self):
        self._entry(self.project_1, self.cat_b1)
        with self.assertRaises(UserError):
            self.project_1.with_user(self.manager).unlink()
        self.assertTrue(self.project_1.exists())

    def test_only_manager_archives_and_it_is_tracked(self):
        entry = self._entry(self.project_1, self.cat_b1).with_context(tracking_disable=False)
        with self.assertRaises(UserError):
            entry.with_user(self.as_user).action_archive()
        with self.assertRaises(UserError):
            entry.with_user(self.as_user).write({"active": False})
        self.assertTrue(entry.active)
        entry.with_user(self.manager).action_archive()
        self.assertFalse(entry.active)
        self.env.flush_all()
        self.env.cr.precommit.run()  # tracking is written at commit time
        tracked = entry.message_ids.tracking_value_ids.filtered(
            lambda t: t.field_id.name == "active"
        )
        self.assertEqual(len(tracked), 1)
        self.assertEqual(tracked.mail_message_id.author_id, self.manager.partner_id)
        # Archived entries keep their number; the next one continues after it.
        self.assertEqual(
            self._entry(self.project_1, self.cat_b1).index_number, "XM-2026-001-B1-0002"
        )

    def test_search_by_number_title_and_content(self):
        entry = self._entry(self.project_1, self.cat_b1, title="Pump seal leak")
        attachment = self.env["ir.attachment"].create(
            {
                "name": "minutes.txt",
                "raw": b"The membrane was replaced under warranty.",
                "mimetype": "text/plain",
            }
        )
        other = self._entry(
            self.project_2,
            self.cat_b1,
            title="Visit minutes",
            attachment_ids=[(6, 0, attachment.ids)],
        )
        self.assertEqual(self.Entry.name_search("XM-2026-001-B1-0001")[0][0], entry.id)
        self.assertEqual(self.Entry.search([("name", "ilike", "seal leak")]), entry)
        self.assertEqual(
            self.Entry.search([("attachment_ids.index_content", "ilike", "membrane was replaced")]),
            other,
        )
        self.assertEqual(
            self.Entry.search(
                [("category_id", "child_of", self.cat_b.id), ("project_id", "=", self.project_2.id)]
            ),
            other,
        )

    def test_user_files_through_the_form_and_the_register_view(self):
        form = Form(self.Entry.with_user(self.as_user))
        form.project_id = self.project_2
        form.category_id = self.cat_a1
        form.name = "Technical agreement"
        self.assertTrue(form.important, "contracts are important by default")
        entry = form.save()
        self.assertEqual(entry.index_number, "XM-2026-002-A1-0001")
        second = self._entry(self.project_2, self.cat_b1)
        self._entry(self.project_1, self.cat_b1)
        action = self.project_2.action_view_archive()
        # In index order, not in groups that open collapsed (issue 16).
        self.assertNotIn("group_by", action["context"])
        self.assertEqual(self.Entry.search(action["domain"]), entry | second)
        self.assertEqual(self.project_2.archive_entry_count, 2)
        sections = self.project_2._archive_register_sections()
        # The required sub-item with nothing filed is a section of its own, empty (missing).
        cat_a2 = self.env.ref("aftersales_service.archive_category_a2")
        self.assertEqual(
            [(c, e) for c, e in sections],
            [(self.cat_a1, entry), (cat_a2, self.Entry), (self.cat_b1, second)],
        )
