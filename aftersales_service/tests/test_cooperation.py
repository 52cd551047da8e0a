from unittest.mock import patch

from odoo import Command
from odoo.tests import tagged

from .common_requests import AftersalesRequestCase


@tagged("post_install", "-at_install")
class TestCooperatingOverrides(AftersalesRequestCase):
    """Our overrides leave room for the modules installed after ours and keep the registry's
    shared caches (issue 20)."""

    def _default_cache_keys(self):
        return set(self.env.registry._Registry__caches["default"])

    def _unrelated_key(self):
        """A cached value no calendar or archive category has anything to do with."""
        self.env["ir.model.data"]._xmlid_lookup("base.main_company")
        keys = {
            key
            for key in self._default_cache_keys()
            if key[0] == "ir.model.data" and key[2:] == ("base.main_company",)
        }
        self.assertEqual(len(keys), 1)
        return keys.pop()

    def test_equivalents_written_through_every_write_override(self):
        """The mirrored part is written by ``write`` itself: an override of a module installed
        after ours (the registry's own class stands for it: it comes first in the method
        resolution order, as such a module's class does) sees the change."""
        Template = self.env["product.template"]
        seal, gasket = Template.create([{"name": "Seal A"}, {"name": "Seal B"}])
        later_module_class = type(Template)
        parent_write = later_module_class.write
        seen = []

        def write(records, vals):
            seen.append((set(records.ids), vals.get("aftersales_equivalent_ids")))
            return parent_write(records, vals)

        with patch.object(later_module_class, "write", write):
            seal.write({"aftersales_equivalent_ids": [Command.link(gasket.id)]})
            self.assertIn(({gasket.id}, [Command.link(seal.id)]), seen)
            self.assertEqual(gasket.aftersales_equivalent_ids, seal)
            seen.clear()
            seal.write({"aftersales_equivalent_ids": [Command.unlink(gasket.id)]})
            self.assertIn(({gasket.id}, [Command.unlink(seal.id)]), seen)
        self.assertFalse(gasket.aftersales_equivalent_ids)

    def test_request_created_with_helpdesk_subtype(self):
        """helpdesk_mgmt's own "Ticket created" subtype is used (no override skips it)."""
        ticket = self.Ticket.with_context(tracking_disable=False).create(
            {"name": "Subtype check", "description": "x", "partner_id": self.customer.id}
        )
        self.assertEqual(
            ticket.message_ids[-1].subtype_id, self.env.ref("helpdesk_mgmt.hlp_tck_created")
        )

    def test_working_time_line_keeps_unrelated_cache(self):
        """A new working-time line changes the company's working days without emptying the
        registry's cache: unrelated cached values stay, the calendar is computed again."""
        saturday = 5
        self.assertNotIn(saturday, self.company._aftersales_work_calendar().weekdays)
        unrelated = self._unrelated_key()
        self.env["resource.calendar.attendance"].create(
            {
                "name": "Saturday morning",
                "calendar_id": self.calendar.id,
                "dayofweek": str(saturday),
                "hour_from": 8,
                "hour_to": 12,
            }
        )
        self.assertIn(unrelated, self._default_cache_keys())
        self.assertIn(saturday, self.company._aftersales_work_calendar().weekdays)
        # Removing it again, and a new time zone: the same.
        self.calendar.attendance_ids.filtered(lambda a: a.dayofweek == str(saturday)).unlink()
        self.assertNotIn(saturday, self.company._aftersales_work_calendar().weekdays)
        self.calendar.tz = "Asia/Tokyo"
        self.assertEqual(self.company._aftersales_work_calendar().tz, "Asia/Tokyo")
        self.assertIn(unrelated, self._default_cache_keys())

    def test_archive_category_model_keeps_unrelated_cache(self):
        """A category naming a model files that model's documents at once, without emptying
        the registry's cache."""
        path = self.env["ir.attachment"]._aftersales_project_path
        self.assertIsNone(path("stock.move"))
        unrelated = self._unrelated_key()
        category = self.env["aftersales.archive.category"].create(
            {"name": "Moves", "code": "ZM", "res_model": "stock.move"}
        )
        self.assertIsNotNone(path("stock.move"))
        category.res_model = False
        self.assertIsNone(path("stock.move"))
        self.assertIn(unrelated, self._default_cache_keys())
