from datetime import date

from freezegun import freeze_time
from psycopg2 import IntegrityError

from odoo.exceptions import UserError, ValidationError
from odoo.tests import TransactionCase, tagged
from odoo.tools import mute_logger

from .common import AftersalesCase


def planned(visits):
    """{(project name, type, mode, planned date)} of `visits`."""
    return {(v.project_id.name, v.visit_type, v.visit_mode, v.planned_date) for v in visits}


@tagged("post_install", "-at_install")
class TestVisitsDemo(TransactionCase):
    """The demo's visit history, planned on a frozen date (1 March 2023): the three projects of
    the demo's visit history and nothing else (the other demo projects were delivered later)."""

    def test_demo_produces_exactly_these_visits(self):
        Visit = self.env["aftersales.visit"]
        demo_done = self.env.ref("aftersales_service.visit_sunan_dye_acceptance")
        self.assertEqual(Visit.search([]), demo_done)
        with freeze_time("2023-03-01 02:00:00"):
            new = Visit._cron_plan_visits()
        self.assertEqual(Visit.search([]), demo_done | new)
        d = date
        self.assertEqual(
            planned(new),
            {
                # Key customer (R2): visited after warranty, twice a year.
                ("XM-2022-014", "group", "person", d(2023, 6, 1)),
                ("XM-2022-014", "group", "person", d(2023, 12, 1)),
                # Warranty ends on 1 June: visited on 1 June, not in December (contract over).
                ("XM-2022-018", "group", "person", d(2023, 6, 1)),
                ("XM-2022-018", "milestone", "writing", d(2023, 3, 1)),
                # The contract ends on 15 July: the summer inspection, no winter one (R47).
                ("XM-2022-018", "inspection", "person", d(2023, 5, 1)),
                ("XM-2023-002", "group", "person", d(2023, 6, 1)),
                ("XM-2023-002", "group", "person", d(2023, 12, 1)),
                ("XM-2023-002", "milestone", "person", d(2023, 3, 20)),
                ("XM-2023-002", "milestone", "writing", d(2023, 11, 20)),
            },
        )
        inspection = new.filtered(lambda v: v.visit_type == "inspection")
        self.assertEqual(
            sorted(inspection.check_ids.lot_id.mapped("name")), ["CM-2022-0521", "DP3-2022-0520"]
        )


@tagged("post_install", "-at_install")
class TestVisitPlanning(AftersalesCase):
    """_cron_plan_visits at the edges (R2, R42, R47), on frozen dates in 2027."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.Visit = cls.env["aftersales.visit"]
        # Warranty 12 months from acceptance: ends on 31 May / 1 June 2027.
        cls.ends_may_31 = cls._project("T-VIS-0531", acceptance_date="2026-05-31")
        cls.ends_june_1 = cls._project("T-VIS-0601", acceptance_date="2026-06-01")

    def _plan(self, when="2027-03-10 02:00:00"):
        with freeze_time(when):
            return self.Visit._cron_plan_visits()

    def _mine(self, visits, project):
        return visits.filtered(lambda v: v.project_id == project)

    def test_warranty_end_inclusive(self):
        """A project whose warranty ends on 31 May has no June visit; on 1 June it has."""
        visits = self._plan()
        self.assertFalse(self._mine(visits, self.ends_may_31))
        group = self._mine(visits, self.ends_june_1).filtered(lambda v: v.visit_type == "group")
        self.assertEqual(group.mapped("planned_date"), [date(2027, 6, 1)])
        self.assertEqual(group.period, "2027-06")

    def test_contract_ending_mid_season(self):
        project = self._project(
            "T-VIS-CONTRACT",
            delivery_date="2025-01-02",
            acceptance_date="2025-01-10",
            maintenance_contract_end="2027-07-15",
            maintenance_contract_scope="Softener and RO",
        )
        lot = self.env["stock.lot"].create(
            {
                "name": "T-VIS-LOT",
                "product_id": self.env["product.product"]
                .create({"name": "Softener T", "is_storable": True, "tracking": "serial"})
                .id,
                "aftersales_project_id": project.id,
            }
        )
        visits = self._mine(self._plan(), project)
        self.assertEqual(
            planned(visits),
            {
                ("T-VIS-CONTRACT", "inspection", "person", date(2027, 5, 3)),
                # In contract on 1 June: its group visit too; not in December.
                ("T-VIS-CONTRACT", "group", "person", date(2027, 6, 1)),
            },
        )
        inspection = visits.filtered(lambda v: v.visit_type == "inspection")
        self.assertEqual(inspection.check_ids.lot_id, lot)
        self.assertEqual(inspection.contract_scope, "Softener and RO")

    def test_key_customer_beyond_warranty_and_stop(self):
        """R2: a key customer's project is visited after warranty and contract; an ordinary one
        is not planned any more."""
        old = self._project("T-VIS-OLD", delivery_date="2024-01-02", acceptance_date="2024-01-10")
        self.assertFalse(self._mine(self._plan(), old))
        self.customer.aftersales_key_customer = True
        visits = self._mine(self._plan("2027-03-11 02:00:00"), old)
        self.assertEqual(
            planned(visits),
            {
                ("T-VIS-OLD", "group", "person", date(2027, 6, 1)),
                ("T-VIS-OLD", "group", "person", date(2027, 12, 1)),
            },
        )

    def test_twice_and_after_cancel_plans_nothing_again(self):
        first = self._plan()
        self.assertTrue(self._mine(first, self.ends_june_1))
        self.assertFalse(self._plan())
        cancelled = self._mine(first, self.ends_june_1)[0]
        cancelled.with_user(self.as_user).action_cancel()
        self.assertFalse(self._mine(self._plan("2027-03-12 02:00:00"), self.ends_june_1))
        self.assertEqual(cancelled.state, "cancel")
        # Only the next 12 months: a year later the next ones come.
        later = self._mine(self._plan("2027-11-20 02:00:00"), self.ends_june_1)
        self.assertFalse(later, "its warranty has ended")

    def test_milestones(self):
        project = self._project("T-VIS-MS", acceptance_date="2027-02-15")
        visits = self._mine(self._plan(), project)
        self.assertEqual(
            planned(visits.filtered(lambda v: v.visit_type == "milestone")),
            {
                ("T-VIS-MS", "milestone", "person", date(2027, 3, 15)),
                # Three months before 15 Feb 2028, the first working day from 15 Nov 2027.
                ("T-VIS-MS", "milestone", "writing", date(2027, 11, 15)),
            },
        )

    def test_unique_period_constraint(self):
        visit = self._mine(self._plan(), self.ends_june_1)[0]
        with mute_logger("odoo.sql_db"), self.assertRaises(IntegrityError), self.cr.savepoint():
            self.Visit.create(
                {
                    "project_id": visit.project_id.id,
                    "visit_type": visit.visit_type,
                    "period": visit.period,
                    "planned_date": visit.planned_date,
                }
            )

    def test_settings_are_checked(self):
        with self.assertRaises(ValidationError):
            self.company.aftersales_visit_month_1 = 13
        with self.assertRaises(ValidationError):
            self.company.aftersales_visit_day = 31

    def test_state_through_actions_only(self):
        visit = self._mine(self._plan(), self.ends_june_1)[0]
        with self.assertRaises(UserError):
            visit.with_user(self.as_user).write({"state": "done"})
        with self.assertRaisesRegex(UserError, "usage"):
            visit.with_user(self.as_user).action_done()
        visit.with_user(self.as_user).write({"equipment_usage": "Two shifts"})
        visit.with_user(self.as_user).action_done()
        self.assertEqual(visit.state, "done")
        self.assertTrue(visit.done_at)
